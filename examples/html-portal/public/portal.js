// The portal's script: puts the webhook editor on the page, with a token of the signed-in user
// for each of its calls. The module is served by this portal from node_modules (server.mjs).
import '/vendor/konpro-webhook-editor.js';

let minting = null;

/**
 * Headers for the editor's next call: a fresh short-lived token from the portal's backend. The
 * editor calls this before each request, and once more after a 401 (a token that expired while
 * the page was open), so asking the backend each time means that retry always gets a new token.
 * Calls made at the same moment share one token.
 */
async function getHeaders() {
  minting ??= fetch('/portal/editor-token', { method: 'POST' })
    .then(async (response) => {
      if (!response.ok) throw new Error(`The portal refused a token (${response.status})`);
      const { token } = await response.json();
      return { authorization: `Bearer ${token}` };
    })
    .finally(() => {
      minting = null;
    });
  return minting;
}

// Made here rather than written in the HTML: an element in the markup would start loading as soon
// as the module defines it, before this script could hand it `getHeaders`.
const editor = document.createElement('konpro-webhook-editor');
editor.setAttribute('api-base-url', '/portal-api');
editor.setAttribute('theme', 'light');
editor.options = { getHeaders };
document.getElementById('webhooks').replaceChildren(editor);
editor.addEventListener('webhook-endpoint-saved', (event) => {
  document.getElementById('portal-notice').textContent =
    `Webhook now points at ${event.detail.url}`;
});

fetch('/portal/me')
  .then((response) => response.json())
  .then(({ email }) => {
    document.getElementById('signed-in-as').textContent = `Signed in as ${email}`;
  });
