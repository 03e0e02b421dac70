let minting: Promise<Record<string, string>> | null = null;

/**
 * Headers for the webhook editor's next call: a fresh short-lived token from the portal's
 * backend. The editor calls this before each request, and once more after a 401 (a token that
 * expired while the page was open), so asking the backend each time means that retry always gets
 * a new token. Calls made at the same moment share one token.
 */
export function getEditorHeaders(): Promise<Record<string, string>> {
  minting ??= fetch('/portal/editor-token', { method: 'POST' })
    .then(async (response) => {
      if (!response.ok) throw new Error(`The portal refused a token (${response.status})`);
      const { token } = (await response.json()) as { token: string };
      return { authorization: `Bearer ${token}` };
    })
    .finally(() => {
      minting = null;
    });
  return minting;
}
