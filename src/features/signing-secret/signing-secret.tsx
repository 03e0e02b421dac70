import { useLingui } from '@lingui/react/macro';
import { useId } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-client-context';
import { isApiError } from '../../api/api-error';
import { fetchSecret, refreshHistory } from '../../api/endpoint-writes';
import type { Endpoint } from '../../../contract/schemas';
import { SecretField } from '../../ui/secret-field';

type SigningSecretProps = {
  endpoint: Endpoint;
  /** Known already: the answer of the create that made this endpoint. */
  known: string | null;
  /** After a save the panel "What the server saved" holds the secret's one control. */
  inSavedPanel?: boolean;
};

/**
 * The endpoint's signing secret, fetched from the server's own route when first revealed or
 * copied. A portal's backend without that route answers 404: the list's copy is used when the
 * backend passes it on.
 */
export function SigningSecret({ endpoint, known, inSavedPanel = false }: SigningSecretProps) {
  const { t } = useLingui();
  const titleId = useId();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { endpoint_id: endpointId, secret: listed } = endpoint;

  const fetchIt = async () => {
    try {
      const secret = await fetchSecret(client, endpointId);
      refreshHistory(queryClient, endpointId); // the server records each reveal
      return secret;
    } catch (error) {
      if (listed && isApiError(error) && error.status === 404) return listed;
      throw error;
    }
  };
  const describe = (error: unknown) => {
    if (!isApiError(error)) return t`The secret could not be fetched. Try again.`;
    if (error.status === 404)
      return t`No secret to show: this server does not hand out secrets on demand, or the endpoint is gone. Konpro returns the secret with each save; it then shows under “What the server saved”.`;
    const { message, requestId } = error;
    // The request id as it came, kept left to right (an isolate) in Arabic.
    const id = `\u2066${requestId ?? ''}\u2069`;
    return requestId
      ? t`The secret could not be fetched: ${message} (request id ${id}). Try again.`
      : t`The secret could not be fetched: ${message}. Try again.`;
  };

  return (
    <section className="kwe-panel kwe-signing" aria-labelledby={titleId}>
      <h3 id={titleId}>{t`Signing secret`}</h3>
      <p className="kwe-muted">
        {t`Konpro signs each delivery to this endpoint with it, so your receiver can check that a delivery came from Konpro. Treat it like a password.`}
      </p>
      {/* One secret control per endpoint: after a save it is the panel's, with the save's answer. */}
      {inSavedPanel ? (
        <p>{t`It is under “What the server saved”, from this save’s answer.`}</p>
      ) : (
        <SecretField secret={known ?? fetchIt} onFetchError={describe} />
      )}
    </section>
  );
}
