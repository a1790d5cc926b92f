/**
 * `ci-notifier preview`: turns the requests a dry run would send into one HTML page that shows each message roughly as
 * the reader's client shows it (a DingTalk bubble, a Feishu card, a WeChat page, a phone notification), next to the
 * exact request body. Nothing here executes or trusts the message: every text is HTML-escaped, Markdown is rendered
 * with raw HTML disabled, and an HTML message (pushplus `html`) is shown in a sandboxed iframe without scripts.
 */
import MarkdownIt from 'markdown-it';
import { prettyBody } from '../notify/report.js';
import type { HttpRequest } from '../transport/types.js';

export interface PreviewEntry {
  provider: string;
  /** The client's name as users know it (the provider's display name). */
  client: string;
  /** What the rendered message is for (the scene, the target). */
  label: string;
  request: HttpRequest;
  /** Shown above the request: e.g. that its credentials are placeholders. */
  note?: string;
}

type Json = Record<string, unknown>;

const markdown = new MarkdownIt({ html: false, linkify: false, breaks: true });
// Links open outside the preview, and never hand the page to the target.
const defaultLink = markdown.renderer.rules.link_open;
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index]!.attrSet('target', '_blank');
  tokens[index]!.attrSet('rel', 'noopener noreferrer');
  return defaultLink ? defaultLink(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
};
// Remote images in a preview would be fetched by the browser: show where they point instead.
markdown.renderer.rules.image = (tokens, index) => {
  const token = tokens[index]!;
  return `<span class="img">[image: ${escapeHtml(token.content || token.attrGet('src') || '')}]</span>`;
};

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** WeCom robots colour text with `<font color="info|comment|warning">`; markdown-it escaped it, so restore just that. */
function wecomFonts(html: string): string {
  return html
    .replace(/&lt;font color=&quot;(info|comment|warning)&quot;&gt;/g, '<span class="font-$1">')
    .replace(/&lt;\/font&gt;/g, '</span>');
}

function md(text: string): string {
  return markdown.render(text);
}

/** Feishu mentions in lark_md (`<at id=ou_…></at>`, `<at user_id="…">name</at>`), escaped by markdown-it: shown as @. */
function feishuMentions(html: string): string {
  return html.replace(
    /&lt;at (?:id|user_id)=(?:&quot;)?([\w-]{1,100})(?:&quot;)?&gt;([^&<]{0,100})&lt;\/at&gt;/g,
    (_, id: string, name: string) => `<span class="at">@${name || id}</span>`,
  );
}

function plain(text: string): string {
  return `<div class="plain">${escapeHtml(text)}</div>`;
}

function button(text: string, url: string): string {
  return `<a class="button" href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(text || 'Open')}</a>`;
}

function parseBody(request: HttpRequest): { json?: Json; form?: URLSearchParams } {
  const body = request.body ?? '';
  try {
    const parsed: unknown = JSON.parse(body);
    if (isObject(parsed)) return { json: parsed };
  } catch {
    // A form body (ServerChan) or not a body at all.
  }
  if (body.includes('=')) return { form: new URLSearchParams(body) };
  return {};
}

/** DingTalk and WeCom robots share `msgtype` bodies. */
function robotBubble(json: Json): string | undefined {
  const type = str(json.msgtype);
  const part = isObject(json[type]) ? (json[type] as Json) : undefined;
  if (!part) return undefined;
  // DingTalk's markdown `title` only shows in the chat list, not in the bubble.
  if (type === 'markdown' || type === 'markdown_v2') return wecomFonts(md(str(part.text) || str(part.content)));
  if (type === 'text') return plain(str(part.content));
  if (type === 'actionCard') {
    const buttons = Array.isArray(part.btns)
      ? part.btns.filter(isObject).map((btn) => button(str(btn.title), str(btn.actionURL)))
      : part.singleURL
        ? [button(str(part.singleTitle), str(part.singleURL))]
        : [];
    return `${md(str(part.text))}<div class="buttons">${buttons.join('')}</div>`;
  }
  if (type === 'textcard') {
    // WeCom application textcard: the description's `<div class="gray|normal|highlight">` lines, as text.
    const description = str(part.description)
      .replace(/<\/div>\s*<div[^>]*>/g, '\n')
      .replace(/<[^>]*>/g, '');
    return `<div class="bubble-title">${escapeHtml(str(part.title))}</div>${plain(description)}<div class="buttons">${button(str(part.btntxt), str(part.url))}</div>`;
  }
  if (type === 'template_card') {
    const main = isObject(part.main_title) ? part.main_title : {};
    return `<div class="bubble-title">${escapeHtml(str(main.title))}</div>${plain(str(main.desc) || str(part.sub_title_text))}`;
  }
  return undefined;
}

function feishuText(element: Json): string {
  const text = isObject(element.text) ? element.text : undefined;
  if (text) return str(text.tag) === 'lark_md' ? feishuMentions(md(str(text.content))) : plain(str(text.content));
  return '';
}

function feishuElements(elements: unknown, images: readonly PreviewImage[]): string {
  if (!Array.isArray(elements)) return '';
  return elements
    .filter(isObject)
    .map((element) => {
      switch (str(element.tag)) {
        case 'div':
          return `<div class="card-div">${feishuText(element)}${
            Array.isArray(element.fields)
              ? `<div class="fields">${element.fields
                  .filter(isObject)
                  .map((field) => `<div class="field">${feishuText(field)}</div>`)
                  .join('')}</div>`
              : ''
          }</div>`;
        case 'markdown':
          return `<div class="card-div">${feishuMentions(md(str(element.content)))}</div>`;
        case 'hr':
          return '<hr>';
        case 'note':
          return `<div class="note">${feishuElements(element.elements, images)}</div>`;
        case 'img':
          return `<div class="card-div">${uploadedImage(str(element.img_key), images)}</div>`;
        case 'plain_text':
        case 'lark_md':
          return escapeHtml(str(element.content));
        case 'action':
          return `<div class="buttons">${(Array.isArray(element.actions) ? element.actions : [])
            .filter(isObject)
            .map((action) => button(str(isObject(action.text) ? action.text.content : ''), str(action.url)))
            .join('')}</div>`;
        case 'button':
          return `<div class="buttons">${button(str(isObject(element.text) ? element.text.content : ''), str(isObject(element.behaviors) ? '' : element.url))}</div>`;
        default:
          return '';
      }
    })
    .join('');
}

/**
 * An image shown by an uploaded key: a dry run knows no key, only `<image_key of NAME>`, so the message's own image
 * of that name is shown where the reader will see it (inside a card, as an image message).
 */
function uploadedImage(key: string, images: readonly PreviewImage[]): string {
  const name = /^<image_key of (.+)>$/.exec(key)?.[1];
  const image = images.find((item) => item.name === name);
  return image ? figure(image) : `<span class="img">[image: ${escapeHtml(key)}]</span>`;
}

function feishuCard(card: Json, images: readonly PreviewImage[]): string {
  const header = isObject(card.header) ? card.header : {};
  const title = isObject(header.title) ? str(header.title.content) : '';
  const colour = str(header.template).replace(/[^a-z-]/g, '') || 'blue';
  const body = isObject(card.body) ? card.body.elements : card.elements;
  return `<div class="card"><div class="card-header header-${colour}">${escapeHtml(title)}</div><div class="card-body">${feishuElements(body, images)}</div></div>`;
}

function feishuPost(post: Json): string {
  const locale = Object.values(post).find(isObject);
  if (!locale) return '';
  const lines = Array.isArray(locale.content) ? locale.content : [];
  const html = lines
    .map((line) =>
      (Array.isArray(line) ? line : [])
        .filter(isObject)
        .map((item) => {
          if (item.tag === 'a')
            return `<a href="${escapeHtml(item.href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(item.text)}</a>`;
          if (item.tag === 'at') return `<span class="at">@${escapeHtml(item.user_name ?? item.user_id)}</span>`;
          return escapeHtml(item.text);
        })
        .join(''),
    )
    .join('<br>');
  return `<div class="bubble-title">${escapeHtml(str(locale.title))}</div><div class="plain">${html}</div>`;
}

/** The Feishu IM API (feishu-app) carries `content` as a JSON string; robots carry an object. */
function feishuContent(value: unknown): Json | undefined {
  if (isObject(value)) return value;
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function feishuMessage(json: Json, images: readonly PreviewImage[]): string | undefined {
  const type = str(json.msg_type);
  if (type === 'interactive' && isObject(json.card)) return feishuCard(json.card, images);
  const content = feishuContent(json.content);
  if (type === 'interactive' && content) return feishuCard(isObject(content.card) ? content.card : content, images);
  if (type === 'image' && content) return uploadedImage(str(content.image_key), images);
  // The IM API's post content is `{ zh_cn: { title, content } }`, a robot's `{ post: { zh_cn: … } }`.
  if (type === 'post' && content && !isObject(content.post)) return feishuPost(content);
  if (type === 'post' && content && isObject(content.post)) return feishuPost(content.post);
  if (type === 'text' && content) return plain(str(content.text));
  return undefined;
}

/** DingTalk work notice (dingtalk-app): `msg` holds markdown, text, action_card or oa. */
function dingtalkWorkNotice(json: Json): string | undefined {
  const msg = isObject(json.msg) ? json.msg : undefined;
  if (!msg) return undefined;
  const type = str(msg.msgtype);
  const part = isObject(msg[type]) ? (msg[type] as Json) : {};
  if (type === 'markdown') return md(str(part.text));
  if (type === 'text') return plain(str(part.content));
  if (type === 'action_card')
    return `${md(str(part.markdown))}<div class="buttons">${button(str(part.single_title), str(part.single_url))}</div>`;
  if (type === 'oa') {
    const head = isObject(part.head) ? part.head : {};
    const bar = isObject(part.status_bar) ? part.status_bar : {};
    const body = isObject(part.body) ? part.body : {};
    return `<div class="note">${escapeHtml(str(head.text))}</div><div class="bubble-title">${escapeHtml(str(body.title))}</div>${plain(str(body.content))}<div class="note">${escapeHtml(str(bar.status_value))}</div>`;
  }
  return undefined;
}

/** pushplus: `template` says how WeChat shows `content`. HTML goes into a sandbox that runs nothing. */
function pushplusPage(json: Json): string | undefined {
  if (!('content' in json) || !('template' in json || 'token' in json)) return undefined;
  const template = str(json.template) || 'html';
  const content = str(json.content);
  const body =
    template === 'html'
      ? `<iframe sandbox="" referrerpolicy="no-referrer" srcdoc="${escapeHtml(`<meta charset="utf-8"><style>body{font:15px/1.6 system-ui,sans-serif;margin:12px}</style>${content}`)}"></iframe>`
      : template === 'markdown'
        ? md(content)
        : plain(content);
  return `<div class="page"><div class="page-title">${escapeHtml(str(json.title))}</div>${body}</div>`;
}

/** Mobile push: what lands on the lock screen. */
function notification(title: string, text: string): string {
  return `<div class="phone"><div class="notification"><div class="app">ci-notifier</div><div class="n-title">${escapeHtml(title)}</div><div class="n-text">${escapeHtml(text)}</div></div></div>`;
}

function mobileNotification(json: Json): string | undefined {
  const push = isObject(json.pushNotify) ? json.pushNotify : undefined;
  if (push) return notification(str(push.title), str(push.content));
  if (isObject(json.payload) && isObject(json.payload.ext)) {
    return notification(str(json.payload.ext.em_push_title), str(json.payload.ext.em_push_content));
  }
  if (typeof json.Title === 'string' || typeof json.Content === 'string')
    return notification(str(json.Title), str(json.Content));
  return undefined;
}

/** An upload the service gets before the message (multipart; its files by name, size and hashes). */
export function isUpload(request: HttpRequest): boolean {
  return String(request.headers['content-type'] ?? '').startsWith('multipart/form-data');
}

function rendered(entry: PreviewEntry, images: readonly PreviewImage[]): string {
  if (isUpload(entry.request)) return plain(`Uploaded first, not a message:\n${entry.request.body ?? ''}`);
  const { json, form } = parseBody(entry.request);
  if (form && form.has('desp'))
    return `<div class="page"><div class="page-title">${escapeHtml(form.get('title'))}</div>${md(form.get('desp') ?? '')}</div>`;
  if (form && (form.has('Title') || form.has('Content')))
    return notification(form.get('Title') ?? '', form.get('Content') ?? '');
  if (!json) return plain('(no body)');
  return (
    robotBubble(json) ??
    feishuMessage(json, images) ??
    dingtalkWorkNotice(json) ??
    pushplusPage(json) ??
    mobileNotification(json) ??
    `<pre>${escapeHtml(JSON.stringify(json, null, 2))}</pre>`
  );
}

const STYLE = `
body{font:14px/1.5 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;background:#eef0f3;margin:0;padding:24px;color:#1f2329}
h1{font-size:18px;margin:0 0 16px}
.entry{display:flex;gap:24px;align-items:flex-start;margin-bottom:32px;flex-wrap:wrap}
.client{width:420px;background:#f5f6f7;border-radius:10px;padding:16px;box-shadow:0 1px 3px #0002}
.client-name{font-size:12px;color:#646a73;margin-bottom:8px}
.bubble{background:#fff;border-radius:8px;padding:12px 14px;overflow-wrap:anywhere}
.bubble-title{font-weight:600;margin-bottom:6px}
.bubble p{margin:.3em 0}.bubble h1,.bubble h2,.bubble h3,.bubble h4{font-size:15px;margin:.3em 0}
.plain{white-space:pre-wrap}
.buttons{margin-top:10px;display:flex;gap:8px;flex-wrap:wrap}
.button{display:inline-block;border:1px solid #3370ff;color:#3370ff;border-radius:6px;padding:4px 12px;text-decoration:none}
.card{background:#fff;border-radius:8px;overflow:hidden}
.card-header{color:#fff;padding:10px 14px;font-weight:600}
.header-red{background:#f54a45}.header-green{background:#34c724}.header-blue{background:#3370ff}.header-orange{background:#ff8800}
.header-grey{background:#8f959e}.header-yellow{background:#ffc60a;color:#1f2329}.header-turquoise{background:#14c0ff}
.header-wathet{background:#7ab3ff}.header-purple{background:#7f3bf5}.header-indigo{background:#4954e6}.header-violet{background:#d136d1}
.header-carmine{background:#e63c7e}
.card-body{padding:10px 14px}.card-div{margin:4px 0}.fields{display:grid;grid-template-columns:1fr 1fr;gap:4px}
.note{color:#8f959e;font-size:12px}
.font-info{color:#2ea121}.font-comment{color:#8f959e}.font-warning{color:#ff7d00}
.at{color:#3370ff}
.page{background:#fff;border-radius:8px;padding:12px 14px}.page-title{font-size:17px;font-weight:600;margin-bottom:8px}
iframe{width:100%;height:620px;border:0}
.phone{background:linear-gradient(#2b3a55,#56657f);border-radius:18px;padding:18px 12px}
.notification{background:#fffe;border-radius:12px;padding:10px 12px}.app{font-size:11px;color:#646a73}
.n-title{font-weight:600}.n-text{white-space:pre-wrap}
.img{color:#646a73}
figure{display:inline-block;margin:0 12px 8px 0;text-align:center}figure img{max-width:300px;display:block}figcaption{font-size:12px;color:#646a73}
.request-note{display:block;margin-top:4px;color:#8f5a00;background:#fff7e6;border-radius:6px;padding:6px 10px;font-size:12px}
details{max-width:560px;flex:1}
pre{background:#fff;border-radius:8px;padding:12px;overflow:auto;font-size:12px;white-space:pre-wrap;overflow-wrap:anywhere}
`;

/** An image the message carries (`image`, `qr`), shown as the readers will see it. */
export interface PreviewImage {
  name: string;
  type: 'png' | 'jpeg';
  base64: string;
}

function figure(image: PreviewImage): string {
  return `<figure><img alt="${escapeHtml(image.name)}" src="data:image/${image.type === 'jpeg' ? 'jpeg' : 'png'};base64,${image.base64.replace(/[^A-Za-z0-9+/=]/g, '')}"><figcaption>${escapeHtml(image.name)}</figcaption></figure>`;
}

function imagesSection(images: readonly PreviewImage[]): string {
  if (images.length === 0) return '';
  const figures = images.map(figure);
  return `<section class="entry media"><div class="client"><div class="client-name">Images the message carries</div><div class="bubble">${figures.join('')}</div></div></section>`;
}

/**
 * The whole page. A Content-Security-Policy forbids scripts and remote loads, so even a bug above cannot run code;
 * images are allowed only as `data:` (the message's own PNG/JPEG bytes, checked when read), never fetched.
 */
export function previewPage(
  title: string,
  entries: readonly PreviewEntry[],
  images: readonly PreviewImage[] = [],
): string {
  const sections = entries.map((entry) =>
    // An upload reaches no reader: only its request, folded, before the message that uses it.
    isUpload(entry.request)
      ? `<section class="entry upload"><details><summary>Uploaded first: ${escapeHtml(entry.request.method)} ${escapeHtml(entry.request.url)}</summary><pre>${escapeHtml(prettyBody(entry.request))}</pre></details></section>`
      : `<section class="entry" data-provider="${escapeHtml(entry.provider)}">
<div class="client"><div class="client-name">${escapeHtml(entry.client)} · ${escapeHtml(entry.label)}</div><div class="bubble">${rendered(entry, images)}</div></div>
<details><summary>Request: ${escapeHtml(entry.request.method)} ${escapeHtml(entry.request.url)}${entry.note ? `<span class="request-note">${escapeHtml(entry.note)}</span>` : ''}</summary><pre>${escapeHtml(prettyBody(entry.request))}</pre></details>
</section>`,
  );
  // Images a message shows itself (a Feishu card's `img`) are seen there; the others are listed on top.
  const inline = sections.some((section) => section.includes('<figure>'));
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; frame-src 'none'; child-src 'none'; img-src ${images.length ? 'data:' : "'none'"}">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>
${inline ? '' : imagesSection(images)}${sections.join('\n')}
</body></html>
`;
}
