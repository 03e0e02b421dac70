// What a portal's code sees of the editor, written out: the package's type declarations are made
// from these and carry nothing of zod, which the package does not depend on. embed-options.ts
// checks, when the project is type-checked, that its schema accepts exactly these options.

/** An endpoint as the host hears of it: never with its signing secret. */
export type EmbedEndpoint = {
  endpoint_id: string;
  url: string;
  status: string;
  /** The event types it receives; empty for all of them, including types added later. */
  events: string[];
  username?: string | undefined;
  created_at?: string | undefined;
};

/** What a host hears about a failure: never a secret, never a stack. */
export type EmbedError = {
  message: string;
  code: string;
  status?: number | undefined;
  requestId?: string | undefined;
};

export type EmbedOptions = {
  /** Where the portal's backend answers `/v1/webhook/...` with its own key added; `/api` if not given. */
  apiBaseUrl?: string | undefined;
  /** Called before every request (and once more after a 401): the host's short-lived token, for example. */
  getHeaders?: (() => Promise<Record<string, string>> | Record<string, string>) | undefined;
  /** The endpoint to open; the list if not given. */
  endpointId?: string | undefined;
  /** `auto` (the default) follows the system's light or dark setting. */
  theme?: 'light' | 'dark' | 'auto' | undefined;
  /**
   * `push`: each move in the editor (list, endpoint, add form) is an entry in the page's history
   * at the same address, so Back returns to the list inside the portal. `none` (the default): the
   * editor leaves the page's history alone.
   */
  history?: 'push' | 'none' | undefined;
  /** How long a request may take, in milliseconds (1000 to 120000). */
  timeoutMs?: number | undefined;
  /**
   * The language, as a BCP 47 tag (`de`, `ja-JP`, `ar-EG`): `en`, `de`, `ja` and `ar` are shipped,
   * and any other tag gets English, with no error. Changing it re-renders in place.
   */
  locale?: string | undefined;
  /** What the admin may do besides editing; both on unless the portal says otherwise. */
  features?: { create?: boolean | undefined; delete?: boolean | undefined } | undefined;
  onSaved?: ((endpoint: EmbedEndpoint) => void) | undefined;
  onCreated?: ((endpoint: EmbedEndpoint) => void) | undefined;
  onDeleted?: ((endpoint: EmbedEndpoint) => void) | undefined;
  /** Whether the editor holds edits not saved yet. */
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
  onError?: ((error: EmbedError) => void) | undefined;
};

export type MountHandle = {
  /** Changes the options given; the others stay. A new endpointId opens that endpoint. */
  update(options: Partial<EmbedOptions>): void;
  unmount(): void;
};
