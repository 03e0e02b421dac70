import { describe, expect, it } from 'vitest';
import { unwrapEnvelope } from './envelope';

describe('unwrapEnvelope', () => {
  it.each([
    ['a bare object', { id: 'a' }, { id: 'a' }],
    ["Konpro's {data}", { data: [1] }, [1]],
    ["HeyGen's success", { code: 100, data: [1], msg: null, message: null }, [1]],
    ["HeyGen's delete", { code: 100, data: null, msg: null }, null],
    ['a code written as text', { code: '100', data: 'x' }, 'x'],
    ['an endpoint with a data field', { endpoint_id: 'e', data: 1 }, { endpoint_id: 'e', data: 1 }],
  ])('reads %s', (_name, json, expected) => {
    expect(unwrapEnvelope(json)).toEqual(expected);
  });

  it('leaves a HeyGen failure wrapped even under a 2xx status: its null is no answer', () => {
    const failure = { code: 400131, data: null, msg: 'not found', message: 'not found' };
    expect(unwrapEnvelope(failure)).toBe(failure);
    const other = { code: 40001, data: { endpoint_id: 'e' } };
    expect(unwrapEnvelope(other)).toBe(other);
  });
});
