import { memo } from 'react';

type TestEventSelectProps = {
  id: string;
  value: string;
  choices: string[];
  onChoose: (eventType: string) => void;
};

/** Event types read left to right in every locale. Memoised: with "All events" it lists the whole catalog, which a keystroke in the URL keeps. */
export const TestEventSelect = memo(function TestEventSelect(props: TestEventSelectProps) {
  const { id, value, choices, onChoose } = props;
  return (
    <select id={id} dir="ltr" value={value} onChange={(e) => onChoose(e.target.value)}>
      {choices.map((event) => (
        <option key={event}>{event}</option>
      ))}
    </select>
  );
});
