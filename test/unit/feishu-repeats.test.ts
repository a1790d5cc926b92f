import { describe, expect, it } from 'vitest';
import { cardContent, textContent, withoutRepeats } from '../../src/providers/feishu/payload.js';
import type { Message } from '../../src/render/message.js';

const NONE = { all: false, users: [], mobiles: [] };
const RUN = 'https://github.com/octo-org/hello-world/actions/runs/1';
const BODY = `### ❌ 失败：CI\n\n**octo-org/hello-world** · main\n\n[查看运行详情](${RUN})`;
const TITLE = '❌ 失败：CI · main';

// Feishu's text and card formats showed the title twice, and the card a link and a button to the same run (issue 24).
describe('Feishu shows the title and the run link once', () => {
  it('the text format: the title once, then the body without its heading', () => {
    const { text } = textContent(TITLE, BODY, NONE) as { text: string };
    expect(text.match(/失败：CI/g)).toHaveLength(1);
    expect(text.startsWith(TITLE)).toBe(true);
  });

  it('the card: the header holds the title, the button the run; the body repeats neither', () => {
    const message = { link: RUN, linkText: '查看运行详情', state: 'failure' } as unknown as Message;
    const card = cardContent(TITLE, BODY, message, NONE) as { elements: { tag: string; content?: string }[] };
    const body = card.elements.find((element) => element.tag === 'markdown')!.content!;
    expect(body).not.toContain('失败：CI');
    expect(body).not.toContain(RUN);
    expect(JSON.stringify(card.elements)).toContain(RUN);
  });

  it("a user's own first heading that is not the title stays", () => {
    expect(withoutRepeats('## Release notes\n\ntext', 'Build passed')).toContain('## Release notes');
  });
});
