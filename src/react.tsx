// The React portal's entry, `konpro-webhook-editor/react`: <WebhookEndpointEditor /> renders a host
// element and mounts the editor into its shadow root with the portal's own React, 18.3 or 19. Its
// props are mount()'s options; a change of any of them reaches the mounted editor through
// update(), so the view, an open form and what the admin typed stay.
import { type CSSProperties, useLayoutEffect, useRef } from 'react';
import { mount } from './app/embed-mount';
import { parseEmbedOptions } from './app/embed-options';
import type { EmbedOptions, MountHandle } from './app/embed-types';
import { SHADOW_CSS } from './app/shadow-css';

// Types written out (no zod in them), for the package's type declarations.
export type { EmbedEndpoint, EmbedError, EmbedOptions } from './app/embed-types';
export {
  CREATED_EVENT,
  DELETED_EVENT,
  DIRTY_EVENT,
  ERROR_EVENT,
  SAVED_EVENT,
} from './app/embed-events';

export type WebhookEndpointEditorProps = EmbedOptions & {
  /** For the host element, which holds the editor's shadow root. */
  className?: string | undefined;
  style?: CSSProperties | undefined;
  id?: string | undefined;
};

const OPTION_NAMES = [
  'apiBaseUrl',
  'getHeaders',
  'endpointId',
  'theme',
  'history',
  'locale',
  'timeoutMs',
  'features',
  'onSaved',
  'onCreated',
  'onDeleted',
  'onDirtyChange',
  'onError',
] as const satisfies readonly (keyof EmbedOptions)[];

// Every option named, so a prop the portal stops passing is taken away in the editor too (update()
// keeps an option it is not given).
const UNSET = Object.fromEntries(OPTION_NAMES.map((name) => [name, undefined])) as EmbedOptions;

type Mounted = { handle: MountHandle; options: EmbedOptions };

export function WebhookEndpointEditor(props: WebhookEndpointEditorProps) {
  const { className, style, id, ...given } = props;
  const options: EmbedOptions = { ...UNSET, ...given };
  // A bad prop throws here, named as mount() names it, before anything is mounted.
  parseEmbedOptions(options);
  const host = useRef<HTMLDivElement>(null);
  const mounted = useRef<Mounted | null>(null);

  // Runs after every render; mounts once, then passes on only what changed. A layout effect, so
  // the editor has its height (and a new theme its colours) before the browser paints.
  useLayoutEffect(() => {
    const current = mounted.current;
    if (current === null) {
      if (host.current === null) return;
      const handle = mount(host.current, options, SHADOW_CSS, { insideReactCommit: true });
      mounted.current = { handle, options };
    } else if (!sameOptions(current.options, options)) {
      current.handle.update(options);
      current.options = options;
    }
  });
  // StrictMode's extra unmount and mount in development come through here too: the element is
  // free again as soon as the first editor has left it.
  useLayoutEffect(
    () => () => {
      mounted.current?.handle.unmount();
      mounted.current = null;
    },
    [],
  );

  return <div ref={host} id={id} className={className} style={style} />;
}

/** `features={{ … }}` is a new object on every render of the portal: compared by value. */
function sameOptions(a: EmbedOptions, b: EmbedOptions): boolean {
  return OPTION_NAMES.every((name) =>
    name === 'features'
      ? a.features?.create === b.features?.create && a.features?.delete === b.features?.delete
      : Object.is(a[name], b[name]),
  );
}
