// What a first start shows: a few endpoints of user `demo` covering the cases the editor must handle
// (some events, all events, disabled) and one of user `other`, so ownership (404) can be shown.
// Ids are fixed so tests and demos can deep-link them; secrets are fresh per data file.
import { newSecret, type StoredEndpoint } from './stored-endpoint';

const SEEDS: Omit<StoredEndpoint, 'secret'>[] = [
  {
    endpoint_id: 'ep_demo_video_status',
    url: 'https://example.com/webhooks/konpro',
    status: 'enabled',
    events: ['avatar_video.success', 'avatar_video.fail'],
    username: 'demo',
    created_at: '2024-01-15T10:30:00Z',
  },
  {
    endpoint_id: 'ep_demo_all_events',
    url: 'https://hooks.example.org/konpro/all',
    status: 'enabled',
    events: [],
    username: 'demo',
    created_at: '2024-02-03T08:12:45Z',
  },
  {
    endpoint_id: 'ep_demo_translations',
    url: 'https://example.net/konpro/translations',
    status: 'disabled',
    events: ['video_translate.success', 'video_translate.fail', 'video.updated'],
    username: 'demo',
    created_at: '2024-03-21T16:05:10Z',
  },
  {
    endpoint_id: 'ep_other_team',
    url: 'https://other.example.com/webhook',
    status: 'enabled',
    events: ['video.completed'],
    username: 'other',
    created_at: '2024-04-02T12:00:00Z',
  },
];

export function seedEndpoints(): StoredEndpoint[] {
  // Field order as in Konpro's samples, which is the order the data file shows them in.
  return SEEDS.map(({ endpoint_id, url, ...rest }) => ({
    endpoint_id,
    url,
    secret: newSecret(),
    ...rest,
  }));
}
