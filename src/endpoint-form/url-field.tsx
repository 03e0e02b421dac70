import { useLingui } from '@lingui/react/macro';
import type { ClipboardEvent, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { ELEMENT, withElement } from '../i18n/with-element';
import { readableUrl } from '../ui/readable-url';
import { fieldErrorMessage } from './field-errors';

type UrlFieldProps = {
  id: string;
  registration: UseFormRegisterReturn<'url'>;
  value: string;
  /** What a save would send for it (the parsed URL), or `value` when it is not sent. */
  sent: string;
  error: string | undefined;
  /** Puts a trimmed value in the field, as if typed. */
  onTrim: (value: string) => void;
  /** Check URL with its test event, and the URL check's region, under the hint. */
  check?: { controls: ReactNode; report: ReactNode } | undefined;
};

export function UrlField(props: UrlFieldProps) {
  const { id, registration, value, sent, error, onTrim, check } = props;
  const { i18n, t } = useLingui();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const readable = readableUrl(value);
  const url = ELEMENT; // the messages' name for the URL, which reads left to right

  // A URL copied from an email or a terminal often carries a space or a line break at its ends:
  // those are dropped on paste rather than refused.
  const pasteTrimmed = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    const trimmed = pasted.trim();
    if (trimmed === pasted) return;
    event.preventDefault();
    const input = event.currentTarget;
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? input.value.length;
    onTrim(input.value.slice(0, start) + trimmed + input.value.slice(end));
    input.setSelectionRange(start + trimmed.length, start + trimmed.length);
  };

  return (
    <div className="kwe-field">
      <label htmlFor={id}>{t`Endpoint URL`}</label>
      <input
        id={id}
        type="url"
        inputMode="url"
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        onPaste={pasteTrimmed}
        {...registration}
        onBlur={(event) => {
          const trimmed = event.target.value.trim();
          if (trimmed !== event.target.value) onTrim(trimmed);
          void registration.onBlur(event);
        }}
      />
      {error && (
        <p id={errorId} className="kwe-error" role="alert">
          {fieldErrorMessage(i18n, error)}
        </p>
      )}
      <p id={hintId} className="kwe-muted">
        {t`An https:// address on the public internet that Konpro will call.`}
        {/* Said when the parsed URL differs from what was typed (an internationalised host
            travels as punycode, for instance), so the hint is always what is sent. */}
        {sent !== value && (
          <>
            {' '}
            {withElement(
              t`It is sent as ${url}.`,
              <code className="kwe-break" dir="ltr">
                {sent}
              </code>,
            )}
          </>
        )}
        {/* And the other way: a URL held in punycode or percent-escapes says how it reads. */}
        {sent === value && readable !== null && (
          <>
            {' '}
            {withElement(
              t`It reads as ${url}.`,
              <bdi className="kwe-break" dir="ltr">
                {readable}
              </bdi>,
            )}
          </>
        )}
      </p>
      {check?.controls}
      {check?.report}
    </div>
  );
}
