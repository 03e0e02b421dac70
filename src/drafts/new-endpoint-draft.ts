// The add form's values, kept in the tab like an endpoint's draft (and, like it, only ever read
// back by the account that typed them) until the endpoint is created or the form cleared.
import * as z from 'zod/mini';
import { NEW_ENDPOINT_KEY, formValuesSchema, readStored, writeStored } from './draft-storage';
import type { EndpointFormValues } from '../endpoint-form/form-values';

const newEndpointSchema = z.object({ owner: z.string(), values: formValuesSchema });

export function readNewEndpointDraft(owner: string | null): EndpointFormValues | null {
  const stored = readStored(NEW_ENDPOINT_KEY, newEndpointSchema);
  return stored !== null && owner !== null && stored.owner === owner ? stored.values : null;
}

/** null forgets what was typed. */
export function writeNewEndpointDraft(owner: string | null, values: EndpointFormValues | null) {
  if (values === null) writeStored(NEW_ENDPOINT_KEY, null);
  else if (owner !== null) writeStored(NEW_ENDPOINT_KEY, { owner, values });
}
