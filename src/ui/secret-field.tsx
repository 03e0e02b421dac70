import { useLingui } from '@lingui/react/macro';
import { useEffect, useState } from 'react';

const MASK = '•'.repeat(24);

type CopyState = 'idle' | 'copied' | 'refused';

type SecretFieldProps = {
  /** The secret, or a way to fetch it when first revealed or copied. */
  secret: string | (() => Promise<string>);
  /** Says why a fetch failed, beside the buttons; the field stays masked. */
  onFetchError?: (error: unknown) => string;
};

/**
 * A signing secret, masked. It stays out of the DOM until revealed, so a screenshot or a DOM dump
 * cannot leak it, and it is masked again when the tab is hidden. A fetched secret lives in this
 * component only: it is gone once the view is.
 */
export function SecretField({ secret, onFetchError }: SecretFieldProps) {
  const { t } = useLingui();
  const [fetched, setFetched] = useState<string | null>(null);
  // A secret handed in (a save's or a create's answer) is the newest: it wins over a fetched one.
  const known = typeof secret === 'string' ? secret : fetched;
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    const hide = () => {
      if (document.hidden) setRevealed(false);
    };
    document.addEventListener('visibilitychange', hide);
    return () => document.removeEventListener('visibilitychange', hide);
  }, []);

  async function obtain(): Promise<string | null> {
    if (known !== null) return known;
    if (typeof secret === 'string') return secret;
    setBusy(true);
    setMessage('');
    try {
      const value = await secret();
      setFetched(value);
      return value;
    } catch (error) {
      setMessage(onFetchError?.(error) ?? t`The secret could not be fetched. Try again.`);
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function toggle() {
    if (revealed) {
      setRevealed(false);
      return;
    }
    if ((await obtain()) !== null) setRevealed(true);
  }

  async function copySecret() {
    setCopy('idle');
    const value = await obtain();
    if (value === null) return;
    try {
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      setCopy('refused');
    }
  }

  return (
    <div className="kwe-secret">
      {revealed && known !== null ? (
        <code className="kwe-break" dir="ltr">
          {known}
        </code>
      ) : (
        <span className="kwe-mask" aria-label={t`Secret hidden`} role="img">
          {MASK}
        </span>
      )}
      <div className="kwe-actions">
        <button
          type="button"
          className="kwe-button"
          onClick={() => void toggle()}
          disabled={busy}
          aria-busy={busy || undefined}
        >
          {revealed ? t`Hide secret` : t`Reveal secret`}
        </button>
        <button
          type="button"
          className="kwe-button"
          onClick={() => void copySecret()}
          disabled={busy}
        >
          {t`Copy secret`}
        </button>
      </div>
      <p className="kwe-muted" role="status">
        {busy && t`Fetching the secret…`}
        {message}
        {copy === 'copied' && t`Secret copied to the clipboard.`}
        {copy === 'refused' &&
          t`The browser refused clipboard access: reveal the secret and copy it by hand.`}
      </p>
    </div>
  );
}
