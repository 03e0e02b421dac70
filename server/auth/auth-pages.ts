// The few pages the server itself answers around sign-in: not an admin, sign-in failed, signed
// out. They are plain HTML with one stylesheet of their own (the policy allows no inline style),
// every value escaped by hono/html, and a form for signing out that needs no script.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Page = HtmlEscapedString | Promise<HtmlEscapedString>;

function layout(title: string, body: Page): Page {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title} · Konpro webhook endpoints</title>
        <link rel="stylesheet" href="/auth/page.css" />
      </head>
      <body>
        <main>
          <p class="brand"><strong>Konpro</strong> webhook endpoints</p>
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`;
}

const signOutForm = html`<form method="post" action="/auth/logout">
  <button type="submit">Sign out</button>
</form>`;

export function notAdminPage(email: string, emailVerified: boolean): Page {
  const why = emailVerified
    ? html`<p>This editor is open to its admins only, and this address is not on its list.</p>`
    : html`<p>
        Your sign-in provider has not confirmed that this address is yours, so it cannot be
        admitted, even if it is on the list of admins.
      </p>`;
  return layout(
    'You are not an admin of this editor',
    html`<p>
        You are signed in as <strong>${email || 'an account without an email address'}</strong>.
      </p>
      ${why}
      <p>
        Ask whoever runs this editor to add your address to <code>ADMIN_EMAILS</code>, or sign out
        and sign in with another account.
      </p>
      ${signOutForm}`,
  );
}

export function signInFailedPage(
  title: string,
  detail: string,
  requestId: string,
  retryHref = '/auth/login',
): Page {
  return layout(
    title,
    html`<p>${detail}</p>
      <p><a class="button" href="${retryHref}">Sign in again</a></p>
      <p class="muted">Request id: <code>${requestId}</code></p>`,
  );
}

export function signedOutPage(): Page {
  return layout(
    'You are signed out',
    html`<p>You have signed out of the Konpro webhook editor.</p>
      <p><a class="button" href="/auth/login">Sign in again</a></p>`,
  );
}

export const PAGE_CSS = `:root { color-scheme: light dark; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
body { margin: 0; background: light-dark(#f6f7f9, #0f1217); color: light-dark(#1b1f24, #e6e9ee); }
main { box-sizing: border-box; max-width: 40em; margin: 10vh max(1em, calc((100% - 40em) / 2));
  padding: clamp(1.25em, 5vw, 2em); background: light-dark(#fff, #171b22);
  border: 1px solid light-dark(#8c959f, #6b7483); border-radius: 8px; }
.brand { margin: 0 0 1em; color: light-dark(#57606a, #a3acb9); }
h1 { font-size: 1.4em; margin: 0 0 0.6em; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.muted { color: light-dark(#57606a, #a3acb9); font-size: 0.9em; }
button, .button { display: inline-block; font: inherit; padding: 0.5em 1.1em; border-radius: 8px;
  border: 1px solid transparent; background: light-dark(#2f4fcf, #8ea4ff); color: light-dark(#fff, #0f1217);
  text-decoration: none; cursor: pointer; }
button:focus-visible, .button:focus-visible { outline: 3px solid light-dark(#2f4fcf, #8ea4ff); outline-offset: 2px; }
`;
