import { randomBytes } from 'node:crypto';
import { FakeServer, sendJson, type RecordedRequest } from '../helpers/fake-server.js';
import { parseMultipart } from './multipart.js';

export interface FakeDingtalkAppOptions {
  appKey: string;
  appSecret: string;
  agentId: number;
  /** Users of the organisation inside the app's visibility. */
  users?: string[];
  /** Users who have read everything sent to them. */
  readers?: string[];
  /** Work notifications a user may still receive today (143105 beyond it). */
  dailyCap?: number;
  /** The first N tokens handed out expire before their first use (42001). */
  expireIssued?: number;
  /** Every call answers 60020 (the caller's IP is not in the allow-list). */
  untrusted?: boolean;
  /** The first task_id handed out, as digits (a 64-bit integer; above 2^53 to catch ids rounded by Number()). */
  firstTaskId?: string;
  /** Departments and how many users each has (their tasks are reported by getsendprogress only). */
  departments?: Record<string, number>;
}

export interface SentTask {
  /** Digits: task ids are 64-bit integers and never pass through a Number here. */
  task_id: string;
  /** Users the task reached or tried to reach (departments count their members). */
  recipients: number;
  body: Record<string, unknown>;
  msg: Record<string, unknown>;
  send_result: Record<string, unknown[]>;
}

const MSG_TYPES = new Set(['text', 'markdown', 'action_card', 'oa', 'link', 'image', 'file']);
const FILE_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'zip', 'pdf', 'rar'];

/**
 * Plays DingTalk's legacy oapi for an internal app's work notifications: gettoken with appkey/appsecret, the token
 * in the query, `agent_id` a number, `userid_list` a comma-separated string, success for every accepted send
 * with a numeric task_id, and the real outcome only in getsendresult (invalid users, the daily cap 143105 and
 * the once-a-day duplicate content rule 143106); the OA status bar update.
 */
export function fakeDingtalkApp(options: FakeDingtalkAppOptions) {
  const tokens = new Map<string, boolean>();
  const issued: string[] = [];
  const tasks: SentTask[] = [];
  const received = new Map<string, string[]>();
  const resultCalls: string[] = [];
  let tokenRequests = 0;
  let nextTask = BigInt(options.firstTaskId ?? '256271667526');
  /** task_id of a request, read from the raw body: JSON.parse would round an id above 2^53. */
  const taskIdOf = (body: string): string | undefined => /"task_id"\s*:\s*(\d+)/.exec(body)?.[1];
  /** Replies with task_id written as digits, as DingTalk's JSON does. */
  const replyRaw = (body: Record<string, unknown>, task: string) =>
    sendRaw(JSON.stringify({ ...body, task_id: '__TASK__' }).replace('"__TASK__"', task));
  const media = new Map<string, { type: string; filename: string; data: Buffer }>();

  let sendRaw: (text: string) => void = () => undefined;
  const server = new FakeServer((request, response) => {
    const reply = (body: Record<string, unknown>) => sendJson(response, 200, body);
    sendRaw = (text) => {
      response.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
      response.end(text);
    };
    const fail = (errcode: number, errmsg: string) => reply({ errcode, errmsg, request_id: 'fake' });
    /**
     * /topapi/* answers a bad or expired token (and a missing permission) as errcode 88 with the cause in sub_code,
     * not as a top-level 40014 / 42001 (DingTalk global error codes,
     * https://open.dingtalk.com/document/orgapp/server-api-error-codes-1: "如果最外层errcode = 88 … 一般是用户的
     * access_token不合法或者没有调用该接口的权限"; 007gzs/dingtalk-sdk#52).
     */
    const failSub = (subCode: string, subMsg: string) =>
      reply({
        errcode: 88,
        errmsg: `ding talk error[subcode=${subCode},submsg=${subMsg}]`,
        sub_code: subCode,
        sub_msg: subMsg,
        request_id: 'fake',
      });
    if (options.untrusted) return fail(60020, '访问ip不在白名单之中, request ip=203.0.113.7');

    if (request.path === '/gettoken' && request.method === 'GET') {
      tokenRequests += 1;
      if (request.query.get('appkey') !== options.appKey || request.query.get('appsecret') !== options.appSecret)
        return fail(40089, '不合法的corpid或corpsecret');
      const token = randomBytes(16).toString('hex');
      tokens.set(token, issued.length >= (options.expireIssued ?? 0));
      issued.push(token);
      return reply({ errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
    }

    const token = request.query.get('access_token');
    if (!token || tokens.get(token) === undefined) return failSub('40014', '不合法的access_token');
    if (tokens.get(token) === false) return failSub('42001', 'access_token超时');
    if (request.method !== 'POST') return fail(404, 'not found');

    // 上传媒体文件 (https://open.dingtalk.com/document/orgapp/upload-media-files): multipart `type` and `media`;
    // image jpg/gif/png/bmp ≤ 20 MB, file ≤ 20 MB and only doc/docx/xls/xlsx/ppt/pptx/zip/pdf/rar.
    // 40004 bad media type, 40005 bad file type (reference media.md, from the same document).
    if (request.path === '/media/upload') {
      const parts = parseMultipart(request.raw, request.headers['content-type']) ?? [];
      const type = parts.find((part) => part.name === 'type')?.data.toString() ?? request.query.get('type') ?? '';
      const file = parts.find((part) => part.name === 'media');
      if (!['image', 'voice', 'video', 'file'].includes(type)) return fail(40004, '不合法的媒体文件类型');
      if (!file || file.data.length === 0) return fail(40005, '不合法的文件类型');
      const ext = (file.filename ?? '').split('.').pop()!.toLowerCase();
      if (type === 'file' && !FILE_TYPES.includes(ext)) return fail(40005, '不合法的文件类型');
      if (type === 'image' && !['jpg', 'jpeg', 'gif', 'png', 'bmp'].includes(ext))
        return fail(40005, '不合法的文件类型');
      if (file.data.length > 20 * 1024 * 1024) return fail(40006, '不合法的文件大小');
      const id = `@lADO${randomBytes(8).toString('hex')}`;
      media.set(id, { type, filename: file.filename ?? '', data: file.data });
      return reply({ errcode: 0, errmsg: 'ok', type, media_id: id, created_at: Date.now() });
    }
    const json = (request.json ?? {}) as Record<string, unknown>;
    // Read-only user lookup (doctor): POST /topapi/v2/user/get {userid} → result.name; 60121 for an unknown user
    // (https://open.dingtalk.com/document/orgapp/query-user-details). It takes no agent_id.
    if (request.path === '/topapi/v2/user/get') {
      if (typeof json.userid !== 'string') return fail(40035, 'userid is required');
      if (!(options.users ?? []).includes(json.userid)) return fail(60121, '找不到该用户');
      return reply({ errcode: 0, errmsg: 'ok', result: { userid: json.userid, name: `Name of ${json.userid}` } });
    }
    if (typeof json.agent_id !== 'number' || json.agent_id !== options.agentId)
      return failSub('40056', '不合法的agentId');
    const base = '/topapi/message/corpconversation';

    if (request.path === `${base}/asyncsend_v2`) {
      if (json.userid_list !== undefined && typeof json.userid_list !== 'string')
        return fail(40035, 'userid_list must be a comma-separated string');
      if (json.dept_id_list !== undefined && typeof json.dept_id_list !== 'string')
        return fail(40035, 'dept_id_list must be a comma-separated string');
      if (json.to_all_user !== undefined && typeof json.to_all_user !== 'boolean')
        return fail(40035, 'to_all_user must be a boolean');
      const msg = json.msg as Record<string, unknown> | undefined;
      if (!msg || !MSG_TYPES.has(String(msg.msgtype)) || typeof msg[String(msg.msgtype)] !== 'object')
        return fail(40035, 'invalid msg');
      if (Buffer.byteLength(JSON.stringify(msg)) > 2048) return fail(40035, 'msg too long');
      const kind = String(msg.msgtype);
      if (
        (kind === 'image' || kind === 'file') &&
        media.get(String((msg[kind] as { media_id?: unknown }).media_id))?.type !== kind
      )
        return fail(40007, '不合法的媒体文件id');
      const users =
        json.to_all_user === true
          ? (options.users ?? [])
          : String(json.userid_list ?? '')
              .split(',')
              .filter(Boolean);
      const depts = String(json.dept_id_list ?? '')
        .split(',')
        .filter(Boolean);
      if (users.length === 0 && depts.length === 0) return fail(40035, 'no recipient');
      // Recipients per call: the parameter table says at most 100 users and 20 departments (the TOP metadata says
      // 5000 / 500); https://open.dingtalk.com/document/orgapp/asynchronous-sending-of-enterprise-session-messages
      if (users.length > 100 || depts.length > 20) return fail(40035, 'too many recipients in one call');
      const memberCount = depts.reduce((sum, dept) => sum + (options.departments?.[dept] ?? 0), 0);
      const result: Record<string, unknown[]> = {
        invalid_user_id_list: [],
        forbidden_user_id_list: [],
        failed_user_id_list: [],
        read_user_id_list: [],
        unread_user_id_list: [],
        invalid_dept_id_list: [],
        forbidden_list: [],
      };
      const content = JSON.stringify(msg);
      for (const user of users) {
        if (!(options.users ?? []).includes(user)) {
          result.invalid_user_id_list!.push(user);
          continue;
        }
        const earlier = received.get(user) ?? [];
        if (earlier.includes(content)) {
          result.forbidden_list!.push({ code: '143106', count: 1, userid: user });
          continue;
        }
        if (options.dailyCap !== undefined && earlier.length >= options.dailyCap) {
          result.forbidden_list!.push({ code: '143105', count: earlier.length, userid: user });
          continue;
        }
        received.set(user, [...earlier, content]);
        (options.readers?.includes(user) ? result.read_user_id_list : result.unread_user_id_list)!.push(user);
      }
      const task: SentTask = {
        task_id: String(nextTask++),
        recipients: users.length + memberCount + (json.to_all_user === true ? 1000 : 0),
        body: json,
        msg,
        send_result: result,
      };
      tasks.push(task);
      // Accepted whatever happens to the recipients: the outcome is only in getsendresult.
      return replyRaw({ errcode: 0, errmsg: 'ok', request_id: randomBytes(8).toString('hex') }, task.task_id);
    }

    const taskId = taskIdOf(request.body);
    const task = tasks.find((item) => item.task_id === taskId);
    if (request.path === `${base}/getsendresult`) {
      if (typeof json.task_id !== 'number') return fail(40035, 'task_id must be a number');
      if (!task) return fail(400001, 'task not found');
      // getsendresult covers tasks up to 24 h old and times out above 100 recipients
      // (https://open.dingtalk.com/document/orgapp/gets-the-result-of-sending-messages-asynchronously-to-the-enterprise).
      resultCalls.push(task.task_id);
      if (task.recipients > 100) return fail(-1, 'timeout: too many recipients for getsendresult');
      return reply({ errcode: 0, errmsg: 'ok', send_result: task.send_result, request_id: 'fake' });
    }
    if (request.path === `${base}/getsendprogress`) {
      // {"progress":{"progress_in_percent":0-100,"status":0|1|2}}, 2 = done
      // (https://open.dingtalk.com/document/orgapp/obtain-the-sending-progress-of-asynchronous-sending-of-enterprise-session)
      if (typeof json.task_id !== 'number') return fail(40035, 'task_id must be a number');
      if (!task) return fail(400001, 'task not found');
      return reply({ errcode: 0, errmsg: 'ok', progress: { progress_in_percent: 100, status: 2 }, request_id: 'fake' });
    }
    if (request.path === `${base}/status_bar/update`) {
      if (!task) return fail(400001, 'task not found');
      if (task.msg.msgtype !== 'oa') return fail(40035, 'only OA messages have a status bar');
      if (typeof json.status_value !== 'string' || typeof json.status_bg !== 'string')
        return fail(40035, 'status_value and status_bg are required');
      const oa = task.msg.oa as Record<string, unknown>;
      oa.status_bar = { status_value: json.status_value, status_bg: json.status_bg };
      return reply({ errcode: 0, errmsg: 'ok', request_id: 'fake' });
    }
    return fail(404, 'not found');
  });

  return Object.assign(server, {
    /** Uploaded media by media_id. */
    media,
    tasks,
    issued,
    /** task ids asked of getsendresult, in order. */
    resultCalls,
    tokenRequests: () => tokenRequests,
    sends: (): RecordedRequest[] => server.requests.filter((request) => request.path.endsWith('/asyncsend_v2')),
  });
}

export type FakeDingtalkApp = ReturnType<typeof fakeDingtalkApp>;
