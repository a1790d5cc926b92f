import type { CodeTable } from '../codes.js';

/** ServerChan reply codes. The service documents few; the ones below come from its replies. */
export const SERVERCHAN_CODES: CodeTable = {
  40001: { meaning: 'bad SendKey', hint: 'check `token`: copy the SendKey from sct.ftqq.com (or sc3.ft07.com)' },
  1024: {
    meaning: 'duplicate content',
    hint: 'ServerChan refuses the same content twice within a minute; vary the title or wait',
  },
  20001: { meaning: 'daily quota used up', hint: 'the free plan sends a few messages a day; upgrade or send fewer' },
};
