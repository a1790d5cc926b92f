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

  it('never lets a name or the bytes break out of the tag', () => {
    const page = previewPage('t', [], [{ name: '"><script>x</script>', type: 'png', base64: 'AAA"><script>' }]);
    expect(page).not.toContain('<script>');
  });
});
