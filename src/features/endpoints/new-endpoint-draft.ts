// The add form's values, kept in the tab like an endpoint's draft until the endpoint is created
// or the form cleared.
import { formValuesSchema, readStored, writeStored } from './draft-storage';
import type { EndpointFormValues } from './form-values';

const NEW_ENDPOINT_KEY = 'konpro-webhook-editor:new-endpoint';

export function readNewEndpointDraft(): EndpointFormValues | null {
  return readStored(NEW_ENDPOINT_KEY, formValuesSchema);
}

export function writeNewEndpointDraft(values: EndpointFormValues | null) {
  writeStored(NEW_ENDPOINT_KEY, values);
}
