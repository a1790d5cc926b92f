import { randomBytes } from 'node:crypto';
import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';
import { parseMultipart } from './multipart.js';

export interface FakeWecomAppOptions {
  corpId: string;
  corpSecret: string;
  agentId: number;
  /** Users, parties and tags inside the app's visibility. */
  users?: string[];
  parties?: string[];
  tags?: string[];
  /** Users in the visibility without an interface licence. */
  unlicensed?: string[];
  /** The caller's IP is not a trusted IP of the app: every call answers 60020. */
  untrusted?: boolean;
  /** After this many delivered messages, every token issued so far expires (42001). */
  expireAfterSends?: number;
  /** The first N tokens handed out expire before their first use (42001): a token running out mid-run. */
  expireIssued?: number;
  /** Drop the reply of the first N sends after processing them (the message went out). */
  dropReplies?: number;
}

export interface DeliveredMessage {
  msgid: string;
  body: Record<string, unknown>;
  recipients: string[];
}

const TYPES = new Set(['text', 'markdown', 'textcard', 'template_card', 'image', 'file']);
const bytes = (value: unknown) => Buffer.byteLength(String(value ?? ''));

/**
 * Plays the WeCom server API for a self-built app as https://developer.work.weixin.qq.com/document/path/90236
 * describes: gettoken with corpid/corpsecret, the token in the URL, `agentid` a number, the application-message
 * limits, duplicate check over the same request JSON within `duplicate_check_interval`, partial acceptance
 * (`invaliduser`, `unlicenseduser` …) and 81013 when nobody is valid, 60020 from an untrusted IP.
 */
export function fakeWecomApp(options: FakeWecomAppOptions) {
  const tokens = new Map<string, boolean>();
  const issued: string[] = [];
  const delivered: DeliveredMessage[] = [];
  const recent = new Map<string, { msgid: string; until: number }>();
  let tokenRequests = 0;
  let drops = options.dropReplies ?? 0;
  const media = new Map<string, { type: string; filename?: string; filelength?: string; size: number }>();

  const server = new FakeServer((request, response) => {
    const reply = (body: Record<string, unknown>) => sendJson(response, 200, body);
    const fail = (errcode: number, errmsg: string) => reply({ errcode, errmsg: `${errmsg}, hint: [fake]` });
    if (options.untrusted) return fail(60020, 'not allow to access from your ip, from ip: 203.0.113.7');

    if (request.path === '/cgi-bin/gettoken' && request.method === 'GET') {
      tokenRequests += 1;
      if (request.query.get('corpid') !== options.corpId) return fail(40013, 'invalid corpid');
      if (request.query.get('corpsecret') !== options.corpSecret) return fail(40001, 'invalid credential');
      const token = randomBytes(48).toString('base64url');
      tokens.set(token, issued.length >= (options.expireIssued ?? 0));
      issued.push(token);
      return reply({ errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
    }

    // Read-only app details (doctor): GET /cgi-bin/agent/get?access_token=&agentid=
    // (https://developer.work.weixin.qq.com/document/path/90227): name, allow_userinfos.user[].userid,
    // allow_partys.partyid[]; 40056 for another app's AgentId.
    if (request.path === '/cgi-bin/agent/get' && request.method === 'GET') {
      const state = tokens.get(request.query.get('access_token') ?? '');
      if (state === undefined) return fail(40014, 'invalid access_token');
      if (state === false) return fail(42001, 'access_token expired');
      if (request.query.get('agentid') !== String(options.agentId)) return fail(40056, 'invalid agentid');
      return reply({
        errcode: 0,
        errmsg: 'ok',
        agentid: options.agentId,
        name: 'CI notifier',
        allow_userinfos: { user: (options.users ?? []).map((userid) => ({ userid })) },
        allow_partys: { partyid: (options.parties ?? []).map(Number) },
        allow_tags: { tagid: (options.tags ?? []).map(Number) },
      });
    }
    // 上传临时素材 (https://developer.work.weixin.qq.com/document/path/90253): the token in the URL, `type`
    // image|voice|video|file, multipart field `media`; all > 5 bytes, image JPG/PNG ≤ 10 MB, file ≤ 20 MB.
    // Codes as xen0n/go-workwx errcodes lists them: 40004 bad type, 40005 bad file type, 40006 bad size, 44001 empty.
    if (request.path === '/cgi-bin/media/upload' && request.method === 'POST') {
      const state = tokens.get(request.query.get('access_token') ?? '');
      if (state !== true) return fail(state === false ? 42001 : 40014, 'invalid access_token');
      const type = request.query.get('type') ?? '';
      if (!['image', 'voice', 'video', 'file'].includes(type)) return fail(40004, 'invalid media type');
      const part = parseMultipart(request.raw, request.headers['content-type'])?.find((item) => item.name === 'media');
      if (!part || part.data.length === 0) return fail(44001, 'empty media data');
      if (part.data.length <= 5) return fail(40006, 'invalid file size');
      if (type === 'image') {
        const png = part.data.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
        const jpeg = part.data.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]));
        if (!png && !jpeg) return fail(40005, 'invalid file type');
        if (part.data.length > 10 * 1024 * 1024) return fail(40006, 'invalid file size');
      }
      if (part.data.length > 20 * 1024 * 1024) return fail(40006, 'invalid file size');
      const id = `3${randomBytes(12).toString('hex')}`;
      media.set(id, { type, filename: part.filename, filelength: part.params.filelength, size: part.data.length });
      return reply({ errcode: 0, errmsg: 'ok', type, media_id: id, created_at: '1380000000' });
    }

    if (request.path === '/cgi-bin/message/send' && request.method === 'POST') {
      const token = request.query.get('access_token');
      if (!token) return fail(41001, 'access_token missing');
      const state = tokens.get(token);
      if (state === undefined) return fail(40014, 'invalid access_token');
      if (state === false) return fail(42001, 'access_token expired');
      const json = request.json as Record<string, unknown> | undefined;
      if (!json) return fail(40058, 'invalid json');
      if (typeof json.agentid !== 'number' || json.agentid !== options.agentId) return fail(40056, 'invalid agentid');
      const type = String(json.msgtype);
      if (!TYPES.has(type)) return fail(40008, 'invalid message type');
      const part = json[type] as Record<string, unknown> | undefined;
      if (!part) return fail(44004, 'empty content');
      if ((type === 'image' || type === 'file') && media.get(String(part.media_id))?.type !== type)
        return fail(40007, 'invalid media_id');
      if ((type === 'text' || type === 'markdown') && bytes(part.content) > 2048)
        return fail(45002, 'content size out of limit');
      if (type === 'textcard') {
        if (bytes(part.title) > 128 || bytes(part.description) > 512) return fail(45002, 'content size out of limit');
        if (typeof part.url !== 'string' || !part.url) return fail(44004, 'textcard url missing');
        if (part.btntxt !== undefined && [...String(part.btntxt)].length > 4) return fail(45002, 'btntxt too long');
      }
      if (type === 'template_card' && !(part.card_action as Record<string, unknown> | undefined)?.url)
        return fail(40058, 'card_action required for text_notice');
      if (
        json.enable_duplicate_check !== undefined &&
        json.enable_duplicate_check !== 0 &&
        json.enable_duplicate_check !== 1
      )
        return fail(40058, 'enable_duplicate_check must be 0 or 1');
      const interval = json.duplicate_check_interval ?? 1800;
      if (typeof interval !== 'number' || !Number.isInteger(interval) || interval > 14_400)
        return fail(40058, 'duplicate_check_interval must be whole seconds, at most 4 hours');

      const split = (value: unknown) => (typeof value === 'string' && value ? value.split('|') : []);
      const touser = split(json.touser);
      const all = touser.length === 1 && touser[0] === '@all';
      const users = all ? (options.users ?? []) : touser;
      const parties = all ? [] : split(json.toparty);
      const tags = all ? [] : split(json.totag);
      if (users.length + parties.length + tags.length === 0) return fail(82001, 'All touser & toparty & totag invalid');
      const known = new Set(options.users ?? []);
      const unlicensed = new Set(options.unlicensed ?? []);
      const invaliduser = users.filter((id) => !known.has(id) && !unlicensed.has(id));
      const unlicenseduser = users.filter((id) => unlicensed.has(id));
      const invalidparty = parties.filter((id) => !(options.parties ?? []).includes(id));
      const invalidtag = tags.filter((id) => !(options.tags ?? []).includes(id));
      const reached = [
        ...users.filter((id) => known.has(id)),
        ...parties.filter((id) => !invalidparty.includes(id)).map((id) => `party:${id}`),
        ...tags.filter((id) => !invalidtag.includes(id)).map((id) => `tag:${id}`),
      ];
      if (reached.length === 0) return fail(81013, 'user & party & tag all invalid');

      const answer = (msgid: string) => ({
        errcode: 0,
        errmsg: 'ok',
        // Userids come back lowercased.
        ...(invaliduser.length ? { invaliduser: invaliduser.join('|').toLowerCase() } : {}),
        ...(invalidparty.length ? { invalidparty: invalidparty.join('|') } : {}),
        ...(invalidtag.length ? { invalidtag: invalidtag.join('|') } : {}),
        ...(unlicenseduser.length ? { unlicenseduser: unlicenseduser.join('|').toLowerCase() } : {}),
        msgid,
      });
      if (json.enable_duplicate_check === 1) {
        const earlier = recent.get(request.body);
        // The same request JSON within the window is not delivered again.
        if (earlier && earlier.until > Date.now()) return reply(answer(earlier.msgid));
      }
      const msgid = randomBytes(24).toString('base64url');
      delivered.push({ msgid, body: json, recipients: reached });
      recent.set(request.body, { msgid, until: Date.now() + interval * 1000 });
      if (options.expireAfterSends !== undefined && delivered.length === options.expireAfterSends)
        for (const key of tokens.keys()) tokens.set(key, false);
      if (drops > 0) {
        drops -= 1;
        response.socket?.destroy();
        return;
      }
      return reply(answer(msgid));
    }
    return sendJson(response, 404, { errcode: 404, errmsg: 'not found' });
  });

  return Object.assign(server, {
    /** Uploaded media by id. */
    media,
    delivered,
    issued,
    tokenRequests: () => tokenRequests,
    sends: (): RecordedRequest[] => server.requests.filter((request) => request.path === '/cgi-bin/message/send'),
  });
}

export type FakeWecomApp = ReturnType<typeof fakeWecomApp>;
