import type { UseFormRegisterReturn } from 'react-hook-form';
import { checkWebhookUrl } from '../../api/webhook-url';

type UrlFieldProps = {
  id: string;
  registration: UseFormRegisterReturn<'url'>;
  value: string;
  error: string | undefined;
};

export function UrlField({ id, registration, value, error }: UrlFieldProps) {
  const check = checkWebhookUrl(value);
  // An internationalised host travels as punycode; show it so the admin recognises it in logs.
  const ascii = check.ok && !value.includes(`//${check.host}`) ? check.host : null;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="kwe-field">
      <label htmlFor={id}>Endpoint URL</label>
      <input
        id={id}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        {...registration}
      />
      {error && (
        <p id={errorId} className="kwe-error" role="alert">
          {error}
        </p>
      )}
      <p id={hintId} className="kwe-muted">
        An https:// address on the public internet that Konpro will call.
        {ascii && (
          <>
            {' '}
            Its host is sent as <code>{ascii}</code>.
          </>
        )}
      </p>
    </div>
  );
}
