import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

// Konpro's two statuses in the admin's language: capitalised as a choice (the list's filter),
// as Konpro writes them on a badge. A status Konpro adds later shows as it comes.
const CHOICE: Record<string, MessageDescriptor> = {
  enabled: msg`Enabled`,
  disabled: msg`Disabled`,
};
const BADGE: Record<string, MessageDescriptor> = {
  enabled: msg`enabled`,
  disabled: msg`disabled`,
};

export function statusLabel(i18n: I18n, status: string): string {
  const known = Object.hasOwn(CHOICE, status) ? CHOICE[status] : undefined;
  return known ? i18n._(known) : `${status[0]?.toUpperCase() ?? ''}${status.slice(1)}`;
}

export function statusBadgeText(i18n: I18n, status: string): string {
  const known = Object.hasOwn(BADGE, status) ? BADGE[status] : undefined;
  return known ? i18n._(known) : status;
}
