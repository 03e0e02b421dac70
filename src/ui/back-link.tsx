/** "← All endpoints" at the top of the editor and the add form; a real link, handled in the app. */
export function BackLink({ onBack }: { onBack: () => void }) {
  return (
    <a
      className="kwe-back"
      href="?"
      onClick={(event) => {
        event.preventDefault();
        onBack();
      }}
    >
      <span className="kwe-arrow">←</span> All endpoints
    </a>
  );
}
