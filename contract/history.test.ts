import { describe, expect, it } from 'vitest';
import { unwrapEnvelope } from './envelope';
import { endpointHistoryAnswerSchema, historyEntriesSchema, historyEntrySchema } from './history';

const update = {
  at: '2026-12-01T10:30:00Z',
  actor: 'ana@example.com',
  action: 'endpoint.update',
  request_id: 'req_1',
  changes: {
    url: { from: 'https://a.example/h', to: 'https://b.example/h' },
    events_added: ['avatar_video.success'],
    events_removed: ['all'],
    changed_elsewhere: true,
  },
};

describe('the endpoint.history answer', () => {
  it('reads every kind of entry, with the changes each may carry', () => {
    const answer = {
      data: [
        update,
        { ...update, action: 'endpoint.secret', changes: {} },
        { ...update, action: 'endpoint.delete', changes: {} },
        {
          ...update,
          action: 'endpoint.add',
          actor: 'local',
          changes: { url: { from: null, to: 'https://a.example/h' }, events_added: ['all'] },
        },
      ],
    };
    expect(endpointHistoryAnswerSchema.parse(answer)).toEqual(answer);
    // The page reads it as the API client hands it over, unwrapped, in either envelope.
    expect(historyEntriesSchema.parse(unwrapEnvelope(answer))).toEqual(answer.data);
    const heygen = { code: 100, data: answer.data, message: 'Success' };
    expect(historyEntriesSchema.parse(unwrapEnvelope(heygen))).toEqual(answer.data);
  });

  it('refuses an action it does not know, and a URL change without its new value', () => {
    expect(historyEntrySchema.safeParse({ ...update, action: 'endpoint.list' }).success).toBe(
      false,
    );
    expect(
      historyEntrySchema.safeParse({ ...update, changes: { url: { from: 'https://a.example/h' } } })
        .success,
    ).toBe(false);
  });
});
