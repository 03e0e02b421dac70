import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';

// Konpro's two statuses in the admin's language; a status it adds later shows as it comes.
const KNOWN = { enabled: msg`Enabled`, disabled: msg`Disabled` } as const;

export function statusLabel(i18n: I18n, status: string): string {
  if (Object.hasOwn(KNOWN, status)) return i18n._(KNOWN[status as keyof typeof KNOWN]);
  return `${status[0]?.toUpperCase() ?? ''}${status.slice(1)}`;
}
