import type { CodeEntry, CodeTable } from '../codes.js';

/**
 * Feishu/Lark custom-bot reply codes (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot) with what
 * the user can do.
 */
export const FEISHU_CODES: CodeTable = {
  9499: { meaning: 'bad request', hint: 'check `options` and `format`: the body does not match the message type' },
  11232: { meaning: 'rate limited', hint: 'a bot takes 100 messages a minute and 5 a second', retry: 'retry' },
  19001: {
    meaning: 'invalid webhook token',
    hint: "check `token`: copy the hook token (or the whole webhook URL) from the bot's settings",
  },
  19002: { meaning: 'bot not found or disabled', hint: 'check `token` and that the bot is still in the group' },
  19021: {
    meaning: 'sign mismatch or timestamp out of range',
    hint: "sign mismatch: check `secret` and the runner's clock (Feishu allows one hour)",
  },
  19022: {
    meaning: 'IP not allowed',
    hint: "the runner's IP is not in the bot's IP allow-list; add it or use signing instead",
  },
  19024: {
    meaning: 'keyword missing',
    hint: "keyword missing: the robot's security keyword must appear in the title or template",
  },
};

/**
 * Feishu reuses 9499 for throttling: replies seen in real logs read `{"code":9499,"msg":"too many request"}`, which is
 * the same limit as 11232 (100 messages a minute, 5 a second per bot; https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot).
 * Only the message tells it apart from a malformed request, which must not be retried.
 */
export function explainFeishu(code: number, msg: string): CodeEntry | undefined {
  if (code === 9499 && /too many request/i.test(msg))
    return {
      meaning: 'rate limited',
      hint: 'a bot takes 100 messages a minute and 5 a second',
      retry: 'retry',
    };
  return FEISHU_CODES[code];
}
