import { describe, expect, it } from 'vitest';
import { checkWebhookUrl } from './webhook-url';

describe('checkWebhookUrl', () => {
  it.each([
    'https://example.com/hook',
    'https://hooks.example.com:8443/konpro?x=1',
    'https://93.184.216.34/hook',
    'https://[2606:2800:220:1:248:1893:25c8:1946]/hook',
    'https://bücher.example/hook',
  ])('accepts %s', (url) => {
    expect(checkWebhookUrl(url).ok).toBe(true);
  });

  it('gives the ASCII form of an internationalised host', () => {
    expect(checkWebhookUrl('https://bücher.example/')).toMatchObject({
      host: 'xn--bcher-kva.example',
    });
  });

  it.each([
    ['', /Enter the URL/],
    ['http://example.com/hook', /https:\/\//],
    ['ftp://example.com', /https:\/\//],
    ['example.com/hook', /full URL/],
    ['https://exa mple.com', /spaces/],
    ['https://user:pw@example.com', /user name or password/],
    ['https://example.com/#frag', /fragment/],
    [`https://example.com/${'a'.repeat(2048)}`, /2048/],
    ['https://localhost/hook', /cannot reach/],
    ['https://api.localhost/hook', /cannot reach/],
    ['https://printer.local/hook', /cannot reach/],
    ['https://svc.internal/hook', /cannot reach/],
    ['https://127.0.0.1/hook', /cannot reach/],
    ['https://0x7f.1/hook', /cannot reach/],
    ['https://10.1.2.3/hook', /cannot reach/],
    ['https://172.20.0.1/hook', /cannot reach/],
    ['https://192.168.1.1/hook', /cannot reach/],
    ['https://169.254.169.254/latest', /cannot reach/],
    ['https://0.0.0.0/', /cannot reach/],
    ['https://[::1]/', /cannot reach/],
    ['https://[::]/', /cannot reach/],
    ['https://[fd00::1]/', /cannot reach/],
    ['https://[fe80::1]/', /cannot reach/],
    ['https://[::ffff:127.0.0.1]/', /cannot reach/],
    ['https://[::ffff:10.0.0.1]/', /cannot reach/],
    ['https://', /not a valid URL/],
  ])('refuses %s', (url, reason) => {
    const check = checkWebhookUrl(url);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });
});
