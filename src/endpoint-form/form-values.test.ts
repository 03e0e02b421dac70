import { describe, expect, it } from 'vitest';
import { makeEndpoint } from '../test/fixtures';
import { endpointFormSchema, toFormValues } from './form-values';

describe('toFormValues', () => {
  it('reads an empty list from the server as "All events"', () => {
    expect(toFormValues(makeEndpoint({ events: [] })).eventsMode).toBe('all');
  });
});

describe('endpointFormSchema', () => {
  it('refuses "Selected events" with nothing ticked', () => {
    const result = endpointFormSchema().safeParse({
      url: 'https://example.com/hook',
      eventsMode: 'selected',
      events: [],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['events']);
  });

  it('accepts "All events" with nothing ticked', () => {
    const values = { url: 'https://example.com/hook', eventsMode: 'all', events: [] };
    expect(endpointFormSchema().safeParse(values).success).toBe(true);
  });

  it('refuses a plain http URL', () => {
    const values = { url: 'http://example.com/hook', eventsMode: 'all', events: [] };
    expect(endpointFormSchema().safeParse(values).success).toBe(false);
  });
});
