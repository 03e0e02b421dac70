// The one-file module (vite.embed.config.ts) holds the editor's code from the start: it stands in
// for use-editor-module.ts there, so the element never shows a loading frame for code it already
// has, nor carries the loader that fetches a chunk when the browser is idle.
import { AddEndpoint, EndpointEditor, catalogs, readableUrl } from './endpoint-editor';
import type * as onDemand from './use-editor-module';

export type { EditorModuleState } from './use-editor-module';

// Its exports by name rather than `import * as`: a namespace object costs the bundle a helper.
// Its catalogues too: the views wait for them before they render (app/endpoint-editor.tsx).
const editor = { AddEndpoint, EndpointEditor, catalogs, readableUrl };
const ready = { status: 'ready', module: editor } as const;

export const preloadEditor: typeof onDemand.preloadEditor = () => Promise.resolve(editor);

export const useEditorModule: typeof onDemand.useEditorModule = () => ready;
