import { useLingui } from '@lingui/react/macro';
import { statusBadgeText } from './status-label';

export function StatusBadge({ status }: { status: string }) {
  const { i18n } = useLingui();
  return (
    <span className={`kwe-badge kwe-badge-${status === 'enabled' ? 'on' : 'off'}`}>
      {statusBadgeText(i18n, status)}
    </span>
  );
}
