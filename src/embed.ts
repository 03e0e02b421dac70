// The portal's entry: `import { mount } from '/embed/konpro-webhook-editor.js'`, or just load it
// and use <konpro-webhook-editor>. One self-contained module, CSS inside, no globals added.
import appCss from './app/app.css?inline';
import editorCss from './app/editor.css?inline';
import historyCss from './features/history/history.css?inline';
import { defineEditorElement } from './app/embed-element';
import { mount as mountWithCss } from './app/embed-mount';
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

// The standalone page loads the editor's and the history's styles with their chunks; here all
// are inside.
const css = `${appCss}\n${editorCss}\n${historyCss}`;

export function mount(element: HTMLElement, options: EmbedOptions = {}): MountHandle {
  return mountWithCss(element, options, css);
}

defineEditorElement(mount);
