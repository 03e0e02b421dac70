import type { MessageDescriptor } from '@lingui/core';

/**
 * A message with values its template cannot name itself: `{time, time}` in a msg`…` is the
 * mount's locale formatting an epoch time (Lingui's ICU `time`), so a plain module need not
 * know the locale.
 */
export function withValues(
  descriptor: MessageDescriptor,
  values: Record<string, unknown>,
): MessageDescriptor {
  return { ...descriptor, values: { ...descriptor.values, ...values } };
}
