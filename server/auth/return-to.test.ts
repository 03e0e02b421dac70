import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('keeps a path of this server, query included', () => {
    expect(safeReturnTo('/?endpoint_id=ep_1')).toBe('/?endpoint_id=ep_1');
    expect(safeReturnTo('/embed-demo.html')).toBe('/embed-demo.html');
  });

  it.each([
    undefined,
    '',
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    '/\t/evil.example',
    'javascript:alert(1)',
    '/auth/login',
    '/auth/callback?code=x',
    `/${'a'.repeat(3000)}`,
  ])('sends %j to the list instead', (target) => {
    expect(safeReturnTo(target)).toBe('/');
  });
});
