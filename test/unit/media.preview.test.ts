import { describe, expect, it } from 'vitest';
import { previewPage } from '../../src/cli/preview-html.js';
import { qrPng } from '../../src/notify/media.js';

describe('preview page with media', () => {
  it('shows the QR code from its own bytes, allowing data: images only when there are some', async () => {
    const png = Buffer.from(await qrPng('https://www.pgyer.com/AbCd')).toString('base64');
    const request = { method: 'POST' as const, url: 'https://example.com/send', headers: {}, body: '{}' };
    const page = previewPage(
      't',
      [{ provider: 'wecom', client: 'WeCom', label: 'x', request }],
      [{ name: 'qr.png', type: 'png', base64: png }],
    );
    expect(page).toContain(`<img alt="qr.png" src="data:image/png;base64,${png}">`);
    expect(page).toContain('img-src data:');
    expect(page).not.toMatch(/img-src[^"]*https?:/);
    const without = previewPage('t', [{ provider: 'wecom', client: 'WeCom', label: 'x', request }]);
    expect(without).toContain("img-src 'none'");
    expect(without).not.toContain('<img');
  });

  it("shows a Feishu card's uploaded image inside the card, and an upload as an upload, not a message", async () => {
    const png = Buffer.from(await qrPng('https://www.pgyer.com/AbCd')).toString('base64');
    const card = {
      msg_type: 'interactive',
      card: {
        header: { title: { tag: 'plain_text', content: 'Hello 2.3.0' }, template: 'green' },
        elements: [
          { tag: 'markdown', content: '**Version:** 2.3.0' },
          { tag: 'img', img_key: '<image_key of qr.png>', alt: { tag: 'plain_text', content: 'QR' } },
        ],
      },
    };
    const upload = {
      method: 'POST' as const,
      url: 'https://open.feishu.cn/open-apis/im/v1/images',
      headers: { 'content-type': 'multipart/form-data' },
      body: 'image_type=message\nimage=@qr.png (1834 bytes, md5 …) image/png',
    };
    const send = { method: 'POST' as const, url: 'https://open.feishu.cn/x', headers: {}, body: JSON.stringify(card) };
    const page = previewPage(
      't',
      [
        { provider: 'feishu', client: 'Feishu', label: 'x', request: upload },
        { provider: 'feishu', client: 'Feishu', label: 'x', request: send },
      ],
      [{ name: 'qr.png', type: 'png', base64: png }],
    );
    const cardHtml = page.slice(page.indexOf('class="card"'));
    expect(cardHtml).toContain(`<img alt="qr.png" src="data:image/png;base64,${png}">`);
    expect(page).toContain('Uploaded first: POST https://open.feishu.cn/open-apis/im/v1/images');
    expect(page).not.toContain('Images the message carries'); // shown inside the card instead
    expect(page).not.toContain('(no body)');
  });

  it('never lets a name or the bytes break out of the tag', () => {
    const page = previewPage('t', [], [{ name: '"><script>x</script>', type: 'png', base64: 'AAA"><script>' }]);
    expect(page).not.toContain('<script>');
  });
});
