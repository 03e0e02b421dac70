import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeEndpoint } from '../test/fixtures';
import { syncAcrossTabs } from './cross-tab-sync';
import {
  CREATE_MUTATION_KEY,
  DELETE_MUTATION_KEY,
  ENDPOINTS_QUERY_KEY,
  UPDATE_MUTATION_KEY,
} from './endpoints';

const BACKEND = 'http://localhost/api';
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A tab: its own QueryClient holding the list, linked to the others. */
function tab(backend = BACKEND) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(ENDPOINTS_QUERY_KEY, [makeEndpoint()]);
  cleanups.push(syncAcrossTabs(queryClient, backend), () => queryClient.clear());
  const listInvalidated = () =>
    queryClient.getQueryState(ENDPOINTS_QUERY_KEY)?.isInvalidated ?? false;
  return { queryClient, listInvalidated };
}

/** What the channel carries, as a third tab would hear it. */
function listen() {
  const heard: unknown[] = [];
  const channel = new BroadcastChannel('konpro-webhook-editor');
  channel.onmessage = (event: MessageEvent<unknown>) => heard.push(event.data);
  cleanups.push(() => channel.close());
  return heard;
}

function save(queryClient: QueryClient, saved: ReturnType<typeof makeEndpoint> | null) {
  return queryClient
    .getMutationCache()
    .build(queryClient, {
      mutationKey: UPDATE_MUTATION_KEY,
      mutationFn: () => Promise.resolve({ current: makeEndpoint(), plan: null, saved }),
    })
    .execute(undefined);
}

describe('tabs learning of each other’s saves', () => {
  it('refreshes the list of another tab after a save, and sends no secret across', async () => {
    const saver = tab();
    const other = tab();
    const heard = listen();

    await save(saver.queryClient, makeEndpoint({ url: 'https://moved.example.com/hook' }));

    await vi.waitFor(() => expect(other.listInvalidated()).toBe(true));
    expect(saver.listInvalidated()).toBe(false);
    expect(heard).toEqual([{ type: 'endpoint-saved', backend: BACKEND, endpointId: 'ep_1' }]);
    expect(JSON.stringify(heard)).not.toContain('whsec_');
  });

  it('says nothing when a save sent nothing, and ignores tabs of other backends', async () => {
    const saver = tab();
    const elsewhere = tab('https://other.example.com/api');
    const heard = listen();

    await save(saver.queryClient, null);
    await save(tab('https://third.example.com/api').queryClient, makeEndpoint());

    await vi.waitFor(() => expect(heard).toHaveLength(1));
    // The message of the save that sent something; the one that sent nothing said nothing.
    expect(heard[0]).toMatchObject({ backend: 'https://third.example.com/api' });
    expect(elsewhere.listInvalidated()).toBe(false);
    expect(saver.listInvalidated()).toBe(false);
  });
});

function run(queryClient: QueryClient, mutationKey: readonly string[], answer: unknown) {
  return queryClient
    .getMutationCache()
    .build(queryClient, { mutationKey, mutationFn: () => Promise.resolve(answer) })
    .execute(undefined);
}

describe('tabs learning of each other’s adds and deletes', () => {
  it('refreshes the other tabs after an add, with the new id and never its secret', async () => {
    const adder = tab();
    const other = tab();
    const heard = listen();

    await run(adder.queryClient, CREATE_MUTATION_KEY, makeEndpoint({ endpoint_id: 'ep_new' }));

    await vi.waitFor(() => expect(other.listInvalidated()).toBe(true));
    expect(heard).toEqual([{ type: 'endpoint-saved', backend: BACKEND, endpointId: 'ep_new' }]);
    expect(JSON.stringify(heard)).not.toContain('whsec_');
  });

  it('refreshes the other tabs after a delete', async () => {
    const deleter = tab();
    const other = tab();
    const heard = listen();

    await run(deleter.queryClient, DELETE_MUTATION_KEY, { endpointId: 'ep_1', alreadyGone: false });

    await vi.waitFor(() => expect(other.listInvalidated()).toBe(true));
    expect(heard).toEqual([{ type: 'endpoint-saved', backend: BACKEND, endpointId: 'ep_1' }]);
  });

  it('says nothing about other mutations', async () => {
    const heard = listen();
    await run(tab().queryClient, ['konpro', 'something-else'], makeEndpoint());
    await run(tab().queryClient, CREATE_MUTATION_KEY, makeEndpoint({ endpoint_id: 'ep_after' }));
    await vi.waitFor(() => expect(heard).toHaveLength(1));
    expect(heard[0]).toMatchObject({ endpointId: 'ep_after' });
  });
});
