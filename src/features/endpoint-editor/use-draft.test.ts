import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EndpointFormValues } from '../../endpoint-form/form-values';
import { useDraft } from './use-draft';

const server: EndpointFormValues = { url: 'https://a.example/hook', eventsMode: 'all', events: [] };
const edited: EndpointFormValues = { ...server, url: 'https://b.example/hook' };
const stored = () => sessionStorage.getItem('konpro-webhook-editor:draft:ep_1');
const nextTask = () => act(() => new Promise((resolve) => setTimeout(resolve)));

afterEach(() => sessionStorage.clear());

// Storage is synchronous: a write inside a keystroke's or a tick's event would delay its paint.
describe('storing the draft', () => {
  it('writes after the edit, in a later task, and only the latest values', async () => {
    const { result } = renderHook(() => useDraft('ep_1', server));
    act(() => {
      result.current.persist({ ...server, url: 'https://b.example/h' }, server);
      result.current.persist(edited, server);
    });
    expect(stored()).toBeNull();
    await nextTask();
    expect(JSON.parse(stored() ?? 'null')).toMatchObject({ values: edited, base: server });
  });

  it('writes what is pending when the page goes or the form closes', () => {
    const { result, unmount } = renderHook(() => useDraft('ep_1', server));
    act(() => result.current.persist(edited, server));
    dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(stored() ?? 'null')).toMatchObject({ values: edited });

    sessionStorage.clear();
    act(() => result.current.persist({ ...edited, eventsMode: 'selected' }, server));
    unmount();
    expect(JSON.parse(stored() ?? 'null')).toMatchObject({ values: { eventsMode: 'selected' } });
  });

  it('writes nothing back once cleared', async () => {
    const { result } = renderHook(() => useDraft('ep_1', server));
    act(() => {
      result.current.persist(edited, server);
      result.current.clear();
    });
    await nextTask();
    expect(stored()).toBeNull();
  });
});
