import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as belowForm from './below-form';
import * as editor from './endpoint-editor';
import { useBelowForm } from './use-below-form.eager';
import { preloadEditor, useEditorModule } from './use-editor-module.eager';

// The embed module's build puts these in place of the on-demand loaders (vite.embed.config.ts).
describe('the one-file module’s stand-ins for the on-demand loaders', () => {
  it('hold the editor from the first render, as the module the loader would fetch', async () => {
    const { result } = renderHook(() => useEditorModule(true));
    expect(result.current.status).toBe('ready');
    const module = result.current.status === 'ready' ? result.current.module : undefined;
    expect(module?.EndpointEditor).toBe(editor.EndpointEditor);
    expect(module?.AddEndpoint).toBe(editor.AddEndpoint);
    // The views wait for the editor's catalogues: without them the element renders nothing.
    expect(module?.catalogs).toBe(editor.catalogs);
    expect(module?.readableUrl).toBe(editor.readableUrl);
    const { result: onList } = renderHook(() => useEditorModule(false));
    expect(onList.current.status).toBe('ready');
    expect(await preloadEditor()).toBe(module);
  });

  it('hold what sits below the form from the first render', () => {
    const { result } = renderHook(() => useBelowForm());
    expect(result.current?.BelowForm).toBe(belowForm.BelowForm);
  });
});
