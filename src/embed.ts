// The portal's entry: `import { mount } from '/embed/konpro-webhook-editor.js'`, or just load it
// and use <konpro-webhook-editor>. One self-contained module, CSS inside, no globals added.
import { defineEditorElement } from './app/embed-element';
import { mount as mountWithCss } from './app/embed-mount';
import { SHADOW_CSS } from './app/shadow-css';
import type { EmbedOptions, MountHandle } from './app/embed-types';

// Types written out (no zod in them), for the package's type declarations.
export type { EmbedEndpoint, EmbedError, EmbedOptions, MountHandle } from './app/embed-types';
export {
  CREATED_EVENT,
  DELETED_EVENT,
  DIRTY_EVENT,
  ERROR_EVENT,
  SAVED_EVENT,
} from './app/embed-events';

export function mount(element: HTMLElement, options: EmbedOptions = {}): MountHandle {
  return mountWithCss(element, options, SHADOW_CSS);
}

defineEditorElement(mount);
