import { deepMerge } from '../../model/config.js';
import { ConfigError } from '../../model/errors.js';
import { renderBody, renderTitle, type Message } from '../../render/message.js';
import { measure, truncateText, type TextLimit } from '../../render/limits.js';
import { summaryLine, type Mentions } from '../webhook.js';

import { WECOM_LIMITS, type WecomFormat } from './descriptor.js';

export { WECOM_FORMATS, WECOM_LIMITS, type WecomFormat } from './descriptor.js';

/** Card field lengths WeCom advises for text_notice. */
const CARD_TITLE: TextLimit = { max: 26, unit: 'chars' };
const CARD_DESC: TextLimit = { max: 30, unit: 'chars' };

/**
 * Mentions per format. `text` carries all of them (mentioned_list / mentioned_mobile_list). Markdown v1
 * mentions users with `<@userid>` but cannot reach mobiles or @all; markdown_v2 and cards cannot mention at
 * all. What a format cannot carry goes in a second, short `text` message so the ping is never silently lost.
 */
export function splitMentions(format: WecomFormat, mentions: Mentions): { inline: Mentions; extra?: Mentions } {
  const none: Mentions = { all: false, users: [], mobiles: [] };
  const any = mentions.all || mentions.users.length > 0 || mentions.mobiles.length > 0;
  if (format === 'text') return { inline: mentions };
  if (format === 'markdown') {
    const rest: Mentions = { all: mentions.all, users: [], mobiles: mentions.mobiles };
    return { inline: { ...none, users: mentions.users }, extra: rest.all || rest.mobiles.length ? rest : undefined };
  }
  return { inline: none, extra: any ? mentions : undefined };
}

function withTitle(title: string, text: string): string {
  return text.includes(title) ? text : `${title}\n\n${text}`;
}

function textMessage(content: string, mentions: Mentions): Record<string, unknown> {
  const text: Record<string, unknown> = { content };
  const list = [...mentions.users, ...(mentions.all ? ['@all'] : [])];
  if (list.length) text.mentioned_list = list;
  if (mentions.mobiles.length) text.mentioned_mobile_list = mentions.mobiles;
  return { msgtype: 'text', text };
}

/** The body of the main message, with the content fitted to the byte limit after room for mentions. */
export function wecomPayload(
  format: WecomFormat,
  message: Message,
  mentions: Mentions,
  options: Record<string, unknown>,
): Record<string, unknown> {
  const title = renderTitle(message);
  const limit = WECOM_LIMITS[format];
  let body: Record<string, unknown>;
  switch (format) {
    case 'text': {
      const text = renderBody(message, 'text', { ...limit, max: limit.max - measure(`${title}\n\n`, 'bytes') });
      body = textMessage(withTitle(title, text), mentions);
      break;
    }
    case 'markdown': {
      const mentionText = mentions.users.map((id) => `<@${id}>`).join('');
      const reserve = mentionText ? measure(`\n\n${mentionText}`, 'bytes') : 0;
      const text = renderBody(message, 'wecom-markdown', { ...limit, max: limit.max - reserve });
      body = { msgtype: 'markdown', markdown: { content: [text, mentionText].filter(Boolean).join('\n\n') } };
      break;
    }
    case 'markdown_v2':
      body = { msgtype: 'markdown_v2', markdown_v2: { content: renderBody(message, 'wecom-markdown-v2', limit) } };
      break;
    case 'card': {
      if (!message.link)
        throw new ConfigError(
          'format',
          "'card' needs a link to open (the run or release URL is unknown)",
          "'markdown'",
        );
      const summary = summaryLine(message.markdown, limit);
      const context = message.context;
      const card: Record<string, unknown> = {
        card_type: 'text_notice',
        main_title: {
          title: renderTitle(message, CARD_TITLE),
          desc: truncateText(
            [context.repository, context.branch ?? context.tag].filter(Boolean).join(' · '),
            CARD_DESC,
          ),
        },
        sub_title_text: summary,
        jump_list: [{ type: 1, title: message.linkText, url: message.link }],
        card_action: { type: 1, url: message.link },
      };
      const desc = [context.repository, context.branch ?? context.tag].filter(Boolean).join(' · ');
      if (desc) (card.main_title as Record<string, string>).desc = truncateText(desc, CARD_DESC);
      body = { msgtype: 'template_card', template_card: card };
      break;
    }
  }
  return deepMerge(body, options);
}

/** The extra `text` message that carries mentions the main format cannot. */
export function mentionPayload(message: Message, mentions: Mentions): Record<string, unknown> {
  return textMessage(renderTitle(message, { max: 512, unit: 'bytes' }), mentions);
}
