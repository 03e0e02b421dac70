import type { EndpointFormValues } from './form-values';
import { formValuesSchema } from './draft-storage';

// The add form's values, kept the same way until the endpoint is created or the form cleared.
const NEW_ENDPOINT_KEY = 'konpro-webhook-editor:new-endpoint';

export function readNewEndpointDraft(): EndpointFormValues | null {
  try {
    const raw = sessionStorage.getItem(NEW_ENDPOINT_KEY);
    if (raw === null) return null;
    const parsed = formValuesSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeNewEndpointDraft(values: EndpointFormValues | null) {
  try {
    if (values === null) sessionStorage.removeItem(NEW_ENDPOINT_KEY);
    else sessionStorage.setItem(NEW_ENDPOINT_KEY, JSON.stringify(values));
  } catch {
    // Storage full or disabled: the values still live in the form.
  }
}
