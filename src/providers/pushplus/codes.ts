import type { CodeTable } from '../codes.js';

/** pushplus reply codes (接口返回码说明, https://www.pushplus.plus/doc/guide/code.html) with what the user can do. */
export const PUSHPLUS_CODES: CodeTable = {
  200: { meaning: 'accepted' },
  302: { meaning: 'not logged in', hint: 'log in to pushplus and check the token' },
  401: { meaning: 'unauthorized', hint: 'check `token`: copy the user token from the pushplus console' },
  403: { meaning: 'IP not whitelisted', hint: "add the runner's IP to the pushplus whitelist, or disable it" },
  // pushplus's own system error is worth another attempt; 900 is a throttle that must not be retried.
  500: { meaning: 'pushplus system error', retry: 'retry' },
  600: { meaning: 'data error', hint: 'check `options`, `channel` and `target` against the pushplus API' },
  805: { meaning: 'no permission', hint: 'the token has no permission for this channel or topic' },
  888: { meaning: 'not enough points', hint: 'top up pushplus points or use a free channel' },
  900: {
    meaning: 'account throttled for too many requests',
    hint: 'stop sending for a while; pushplus allows about 5 requests a minute',
  },
  903: { meaning: 'invalid token', hint: 'check `token`: it must be the pushplus user token' },
  905: { meaning: 'account not real-name verified', hint: 'complete real-name verification in the pushplus console' },
  999: { meaning: 'server validation error', hint: 'check the title, content and channel code' },
};
