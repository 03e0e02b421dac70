import { QueryClient } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { LOCAL_OWNER, accountOwner } from '../drafts/draft-owner';
import { readDraft, writeDraft } from '../drafts/draft-storage';
import type { EndpointFormValues } from '../endpoint-form/form-values';
import { readNewEndpointDraft, writeNewEndpointDraft } from '../drafts/new-endpoint-draft';
import { server } from '../test/msw-server';
import { useSessionDraftOwner } from './use-session-draft-owner';

const BASE: EndpointFormValues = { url: 'https://a.example.com/', eventsMode: 'all', events: [] };
const TYPED: EndpointFormValues = { ...BASE, url: 'https://typed.example.com/hook' };
const ADA = accountOwner('ada@example.com');
const SESSION = `${window.location.origin}/auth/session`;

function signedInAs(email: string) {
  server.use(
    http.get(SESSION, () =>
      HttpResponse.json({
        auth: 'oidc',
        email,
        name: null,
        admitted: true,
        expires_at: '2030-01-01T00:00:00.000Z',
      }),
    ),
  );
}

const renderOwner = () =>
  renderHook(() =>
    useSessionDraftOwner(new QueryClient({ defaultOptions: { queries: { retry: false } } })),
  );

describe('whose drafts the standalone page keeps', () => {
  it('is nobody’s until /auth/session answers, then the account it names', async () => {
    signedInAs('ada@example.com');
    const { result } = renderOwner();
    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current).toBe(ADA));
  });

  it('drops another admin’s drafts from the tab once it knows who is signed in', async () => {
    writeDraft(ADA, 'ep_1', BASE, TYPED);
    writeNewEndpointDraft(ADA, TYPED);
    signedInAs('ben@example.com');
    const { result } = renderOwner();
    await waitFor(() => expect(result.current).toBe(accountOwner('ben@example.com')));
    await waitFor(() => expect(sessionStorage.length).toBe(0));
  });

  it('keeps the drafts of the admin who signs back in', async () => {
    writeDraft(ADA, 'ep_1', BASE, TYPED);
    writeNewEndpointDraft(ADA, TYPED);
    signedInAs('ada@example.com');
    const { result } = renderOwner();
    await waitFor(() => expect(result.current).toBe(ADA));
    expect(readDraft(ADA, 'ep_1')?.values).toEqual(TYPED);
    expect(readNewEndpointDraft(ADA)).toEqual(TYPED);
  });

  it('is the local owner when the server signs nobody in', async () => {
    server.use(http.get(SESSION, () => HttpResponse.json({ auth: 'off' })));
    const { result } = renderOwner();
    await waitFor(() => expect(result.current).toBe(LOCAL_OWNER));
  });

  it('restores nobody’s drafts, and keeps the forms going, when the answer fails', async () => {
    writeDraft(ADA, 'ep_1', BASE, TYPED);
    server.use(http.get(SESSION, () => HttpResponse.json({ error: 'down' }, { status: 503 })));
    const { result } = renderOwner();
    await waitFor(() => expect(result.current).toMatch(/^unknown:/));
    expect(readDraft(result.current, 'ep_1')).toBeNull();
    expect(readDraft(ADA, 'ep_1')?.values).toEqual(TYPED); // not dropped: nobody else was seen
  });
});
