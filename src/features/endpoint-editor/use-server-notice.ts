import { useState } from 'react';
import { type EndpointView, describeChanges } from './server-changes';

/** What changed on the server since the admin was last told, for a quiet notice. */
export function useServerNotice(server: EndpointView, paused: boolean) {
  const [from, setFrom] = useState(server);
  return {
    changes: paused ? [] : describeChanges(from, server),
    acknowledge: (to: EndpointView = server) => setFrom(to),
  };
}
