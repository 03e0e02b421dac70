export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`kwe-badge kwe-badge-${status === 'enabled' ? 'on' : 'off'}`}>{status}</span>
  );
}
