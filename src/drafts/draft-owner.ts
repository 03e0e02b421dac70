// Whose drafts a page reads and writes. Without sign-in (the embed inside a portal, or a server
// that signs nobody in) they are the local owner's; the standalone app signed in with OpenID
// Connect names the account from `/auth/session`, and until it knows, nothing is read or written.
import { createContext, useContext } from 'react';

export const LOCAL_OWNER = 'local';

/** The account's drafts, or null while it is not known yet (forms that start from a draft wait). */
export const DraftOwnerContext = createContext<string | null>(LOCAL_OWNER);

export function useDraftOwner(): string | null {
  return useContext(DraftOwnerContext);
}

/** The owner of the drafts of a signed-in account: its email, as the server's audit names it. */
export function accountOwner(email: string): string {
  return `account:${email}`;
}
