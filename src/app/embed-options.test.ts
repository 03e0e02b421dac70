import { describe, expect, it } from 'vitest';
import { parseEmbedOptions } from './embed-options';

describe('parseEmbedOptions: apiBaseUrl', () => {
  it.each([
    '/api',
    '/portal-api/konpro',
    'https://portal.example.com/api',
    'http://127.0.0.1:4173/api',
  ])('accepts %s', (apiBaseUrl) => {
    expect(parseEmbedOptions({ apiBaseUrl }).apiBaseUrl).toBe(apiBaseUrl);
  });

  it.each([
    '//evil.example/api',
    '/\\evil.example/api',
    '/\\\\evil.example',
    'https://portal.example.com\\@evil.example/',
    '/api\nx',
    'api',
    'javascript:alert(1)',
    'ftp://portal.example.com/',
  ])('refuses %j, which would send requests (and the token) elsewhere', (apiBaseUrl) => {
    expect(() => parseEmbedOptions({ apiBaseUrl })).toThrow(/apiBaseUrl must be a path/);
  });
});
