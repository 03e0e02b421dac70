import { useLingui } from '@lingui/react/macro';

/** "← All endpoints" at the top of the editor and the add form; a real link, handled in the app. */
export function BackLink({ onBack }: { onBack: () => void }) {
  const { t } = useLingui();
  return (
    <a
      className="kwe-back"
      href="?"
      onClick={(event) => {
        event.preventDefault();
        onBack();
      }}
    >
      <span className="kwe-arrow">←</span> {t`All endpoints`}
    </a>
  );
}
