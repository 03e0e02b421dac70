import { describe, expect, it } from 'vitest';
import { isAdmin } from './admin-allowlist';

const LIST = ['ada@example.com', '*@team.example.com'];

describe('isAdmin', () => {
  it('admits listed addresses and whole listed domains, in any case', () => {
    expect(isAdmin(LIST, 'ada@example.com', true)).toBe(true);
    expect(isAdmin(LIST, ' Ada@Example.COM ', true)).toBe(true);
    expect(isAdmin(LIST, 'anyone@team.example.com', true)).toBe(true);
    expect(isAdmin(LIST, 'Someone@TEAM.example.com', true)).toBe(true);
  });

  it('admits nobody whose address the provider has not verified', () => {
    expect(isAdmin(LIST, 'ada@example.com', false)).toBe(false);
    expect(isAdmin(LIST, 'anyone@team.example.com', false)).toBe(false);
  });

  it('admits no look-alike', () => {
    for (const email of [
      'bob@example.com',
      'ada@example.com.evil.org',
      'ada@example.co',
      'xada@example.com',
      'anyone@sub.team.example.com',
      'anyone@evilteam.example.com',
      'ada@example.com@evil.org',
      '*@team.example.com',
      '',
      'ada',
      'ada@',
    ]) {
      expect(isAdmin(LIST, email, true), email).toBe(false);
    }
  });

  it('admits nobody from an empty list', () => {
    expect(isAdmin([], 'ada@example.com', true)).toBe(false);
  });
});
