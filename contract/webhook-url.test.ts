import { describe, expect, it } from 'vitest';
import { asciiUrl } from './ascii-url';
import { checkWebhookUrl } from './webhook-url';

describe('checkWebhookUrl', () => {
  it.each([
    'https://example.com/hook',
    'https://hooks.example.com:8443/konpro?x=1',
    'https://93.184.216.34/hook',
    'https://[2606:2800:220:1:248:1893:25c8:1946]/hook',
    'https://bücher.example/hook',
    // Only the last labels count: these merely contain a reserved word.
    'https://test.example.com/hook',
    'https://mail.google.com/hook',
    'https://hooks.testing.dev/in',
    'https://local.corporate.com/in',
  ])('accepts %s', (url) => {
    expect(checkWebhookUrl(url).ok).toBe(true);
  });

  it('gives the ASCII form of an internationalised host', () => {
    expect(checkWebhookUrl('https://bücher.example/')).toMatchObject({
      host: 'xn--bcher-kva.example',
    });
  });

  it.each([
    ['https://Example.COM/hook', 'https://example.com/hook'],
    ['  https://example.com/hook \n', 'https://example.com/hook'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com:443/a/../b', 'https://example.com/b'],
    ['https://bücher.example/ä', 'https://xn--bcher-kva.example/%C3%A4'],
    ['https://example.com/a b'.replace(' ', '%20'), 'https://example.com/a%20b'],
  ])('stores and sends %j as %s', (input, href) => {
    expect(checkWebhookUrl(input)).toMatchObject({ ok: true, url: href });
  });

  it.each([
    ['https://example.com\\@evil.example/', /backslash/],
    ['https:\\\\evil.example/hook', /backslash/],
    ['https://example.com/\u202egpj.exe', /text-direction/],
    ['https://\u2066evil.example\u2069/', /text-direction/],
    ['https://exa\u200bmple.com/', /zero-width/],
    ['https://example.com/\ufeffx', /zero-width/],
    ['https://pay\u200dpal.com/', /zero-width/],
    [`https://example.com/${'é'.repeat(700)}`, /2048/],
  ])('refuses the deceptive %j', (url, reason) => {
    const check = checkWebhookUrl(url);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it.each([
    ['', /Enter the URL/],
    ['http://example.com/hook', /https:\/\//],
    ['ftp://example.com', /https:\/\//],
    ['example.com/hook', /full URL/],
    // Not "must not contain spaces": it is not a web address at all.
    ['not a url at all', /not a web address: enter a full URL starting with https:\/\//],
    ['https://exa mple.com', /spaces/],
    ['https://user:pw@example.com', /user name or password/],
    ['https://example.com/#frag', /fragment/],
    [`https://example.com/${'a'.repeat(2048)}`, /2048/],
    ['https://localhost/hook', /cannot reach/],
    ['https://api.localhost/hook', /cannot reach/],
    ['https://printer.local/hook', /cannot reach/],
    ['https://svc.internal/hook', /cannot reach/],
    ['https://hooks.test/in', /cannot reach/],
    ['https://hooks.invalid/in', /cannot reach/],
    ['https://nas.home.arpa/hook', /cannot reach/],
    ['https://router.lan/hook', /cannot reach/],
    ['https://erp.corp/hook', /cannot reach/],
    ['https://box.localdomain./hook', /cannot reach/],
    ['https://hidden.onion/hook', /cannot reach/],
    ['https://intranet/hook', /without a dot/],
    ['https://INTRANET./hook', /without a dot/],
    ['https://bücher/hook', /without a dot/],
    ['https://com/', /without a dot/],
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

describe('checkWebhookUrl with allowLoopback (KONPRO_CHECK_ALLOW_LOOPBACK=1)', () => {
  it.each([
    ['https://localhost:8443/hook', 'localhost'],
    ['https://api.localhost/hook', 'api.localhost'],
    ['https://127.0.0.1:8443/hook', '127.0.0.1'],
    ['https://127.1.2.3/hook', '127.1.2.3'],
    ['https://[::1]:8443/hook', '[::1]'],
    ['https://[::ffff:127.0.0.1]/hook', '[::ffff:7f00:1]'],
  ])('admits the loopback %s', (url, host) => {
    expect(checkWebhookUrl(url, { allowLoopback: true })).toMatchObject({ ok: true, host });
    // Off by default.
    expect(checkWebhookUrl(url).ok).toBe(false);
    expect(checkWebhookUrl(url, { allowLoopback: false }).ok).toBe(false);
  });

  it.each([
    ['http://localhost/hook', /https:\/\//],
    ['https://10.1.2.3/hook', /cannot reach/],
    ['https://192.168.1.1/hook', /cannot reach/],
    ['https://169.254.169.254/latest', /cannot reach/],
    ['https://0.0.0.0/', /cannot reach/],
    ['https://[::]/', /cannot reach/],
    ['https://[fe80::1]/', /cannot reach/],
    ['https://[::ffff:10.0.0.1]/', /cannot reach/],
    ['https://printer.local/hook', /cannot reach/],
    ['https://intranet/hook', /without a dot/],
    ['https://localhost.example/hook', null],
  ])('still judges %s as without the option', (url, reason) => {
    const check = checkWebhookUrl(url, { allowLoopback: true });
    expect(check).toEqual(checkWebhookUrl(url));
    if (reason !== null && !check.ok) expect(check.reason).toMatch(reason);
  });
});

describe('asciiUrl', () => {
  it('shows look-alike hosts as what they are', () => {
    expect(asciiUrl('https://pаypal.com/hook')).toBe('https://xn--pypal-4ve.com/hook');
    expect(asciiUrl('https://example.com/hook')).toBe('https://example.com/hook');
    expect(asciiUrl('not a url')).toBe('not a url');
  });
});
