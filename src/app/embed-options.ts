// The options a portal passes to mount(). They come from someone else's code, so each one is
// checked and a bad one is named in a single clear error before anything is mounted.
import * as z from 'zod/mini';
import type { Endpoint } from '../../contract/schemas';
import type { EmbedEndpoint, EmbedError, EmbedOptions } from './embed-types';

export type { EmbedError, EmbedOptions } from './embed-types';

const fn = <T extends (...args: never[]) => unknown>(name: string) =>
  z.custom<T>((value) => typeof value === 'function', { error: `${name} must be a function` });

const embedOptionsSchema = z.strictObject({
  /** Where the portal's backend answers `/v1/webhook/...` with its own key added. */
  apiBaseUrl: z._default(
    z.string().check(
      // `//evil.example` and `/\evil.example` look like paths but are read as another host,
      // which would receive the portal's token from getHeaders.
      z.regex(
        /^(\/(?![/\\])|https?:\/\/)[^\\\s]*$/,
        'apiBaseUrl must be a path such as /api or an http(s) URL',
      ),
    ),
    '/api',
  ),
  /** Called before every request: the host's short-lived token, for example. */
  getHeaders: z.optional(
    fn<() => Promise<Record<string, string>> | Record<string, string>>('getHeaders'),
  ),
  endpointId: z.optional(z.string().check(z.minLength(1, 'endpointId must not be empty'))),
  theme: z._default(
    z.enum(['light', 'dark', 'auto'], { error: 'theme must be light, dark or auto' }),
    'auto',
  ),
  history: z._default(z.enum(['push', 'none'], { error: 'history must be push or none' }), 'none'),
  timeoutMs: z.optional(
    z
      .int()
      .check(
        z.gte(1000, 'timeoutMs must be at least 1000'),
        z.lte(120_000, 'timeoutMs must be at most 120000'),
      ),
  ),
  /** A BCP 47 tag; one the editor does not speak (or cannot read) gets English, by contract. */
  locale: z.optional(
    z.string({ error: 'locale must be a BCP 47 language tag such as de or ar-EG' }),
  ),
  /** What the admin may do besides editing; both on unless the portal says otherwise. */
  features: z._default(
    z.strictObject({
      create: z._default(z.boolean({ error: 'features.create must be true or false' }), true),
      delete: z._default(z.boolean({ error: 'features.delete must be true or false' }), true),
    }),
    { create: true, delete: true },
  ),
  onSaved: z.optional(fn<(endpoint: EmbedEndpoint) => void>('onSaved')),
  onCreated: z.optional(fn<(endpoint: EmbedEndpoint) => void>('onCreated')),
  onDeleted: z.optional(fn<(endpoint: EmbedEndpoint) => void>('onDeleted')),
  onDirtyChange: z.optional(fn<(dirty: boolean) => void>('onDirtyChange')),
  onError: z.optional(fn<(error: EmbedError) => void>('onError')),
});

export type ParsedEmbedOptions = z.output<typeof embedOptionsSchema>;

// The written-out public types and what they stand for agree exactly: a change to one side alone
// fails `npm run typecheck`. Comparing two generic functions makes TypeScript ask whether A and B
// are identical, not merely assignable (an extra optional key, say in `features`, counts).
/* eslint-disable @typescript-eslint/no-unnecessary-type-parameters -- the trick itself */
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/* eslint-enable @typescript-eslint/no-unnecessary-type-parameters */
type Holds<T extends true> = T;
export type PublicTypesAgree = [
  Holds<Same<z.input<typeof embedOptionsSchema>, EmbedOptions>>,
  Holds<Same<Omit<Endpoint, 'secret'>, EmbedEndpoint>>,
];

export class EmbedOptionsError extends Error {
  constructor(message: string) {
    super(`Konpro webhook editor: ${message}`);
    this.name = 'EmbedOptionsError';
  }
}

export function parseEmbedOptions(options: unknown): ParsedEmbedOptions {
  const result = embedOptionsSchema.safeParse(options ?? {});
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const name = issue?.path.join('.') || 'options';
  if (issue?.code === 'unrecognized_keys') {
    // A key inside an option (features.edit) is named with the option it sits in.
    const prefix = issue.path.length > 0 ? `${issue.path.join('.')}.` : '';
    const keys = issue.keys.map((key) => `${prefix}${key}`);
    throw new EmbedOptionsError(`unknown option "${keys.join('", "')}"`);
  }
  throw new EmbedOptionsError(`invalid option "${name}": ${issue?.message ?? 'invalid'}`);
}
