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

describe('parseEmbedOptions: features', () => {
  it('turns adding and deleting on when features is not given', () => {
    expect(parseEmbedOptions({}).features).toEqual({ create: true, delete: true });
    expect(parseEmbedOptions(undefined).features).toEqual({ create: true, delete: true });
  });

  it('fills a feature that is not named with true', () => {
    expect(parseEmbedOptions({ features: { create: false } }).features).toEqual({
      create: false,
      delete: true,
    });
    expect(parseEmbedOptions({ features: { delete: false } }).features).toEqual({
      create: true,
      delete: false,
    });
    expect(parseEmbedOptions({ features: {} }).features).toEqual({ create: true, delete: true });
  });

  it('keeps both when both are given', () => {
    expect(parseEmbedOptions({ features: { create: false, delete: false } }).features).toEqual({
      create: false,
      delete: false,
    });
  });

  it.each(['no', 0, 1, null, 'false'])('refuses features.create = %j, naming it', (create) => {
    expect(() => parseEmbedOptions({ features: { create } })).toThrow(
      'invalid option "features.create": features.create must be true or false',
    );
  });

  it('refuses a non-boolean features.delete, naming it', () => {
    expect(() => parseEmbedOptions({ features: { delete: 'yes' } })).toThrow(
      /features\.delete must be true or false/,
    );
  });

  it('refuses an unknown feature', () => {
    expect(() => parseEmbedOptions({ features: { create: true, edit: false } })).toThrow(
      /unknown option "features.edit"/,
    );
  });

  it('refuses features that is not an object', () => {
    expect(() => parseEmbedOptions({ features: true })).toThrow(/invalid option "features"/);
  });
});

describe('parseEmbedOptions: onCreated and onDeleted', () => {
  it('accepts functions and passes them on', () => {
    const onCreated = () => undefined;
    const onDeleted = () => undefined;
    const parsed = parseEmbedOptions({ onCreated, onDeleted });
    expect(parsed.onCreated).toBe(onCreated);
    expect(parsed.onDeleted).toBe(onDeleted);
  });

  it('leaves them out when not given', () => {
    const parsed = parseEmbedOptions({});
    expect(parsed.onCreated).toBeUndefined();
    expect(parsed.onDeleted).toBeUndefined();
  });

  it.each(['onCreated', 'onDeleted'])('refuses a %s that is not a function', (name) => {
    expect(() => parseEmbedOptions({ [name]: 'alert(1)' })).toThrow(
      `invalid option "${name}": ${name} must be a function`,
    );
    expect(() => parseEmbedOptions({ [name]: { handleEvent() {} } })).toThrow(
      `${name} must be a function`,
    );
  });
});
