// The standalone page around the editor speaks the browser's language: its bar, who is signed in,
// the way out and the way back in; and a missing endpoint is said in the mount's language.
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/api-client';
import { MountI18n } from '../i18n/mount-i18n';
import { makeEndpoint, readHandlers } from '../test/fixtures';
import { server } from '../test/msw-server';
import { EditorApp } from './editor-app';
import { SignInAgain } from './sign-in-again';
import { StandaloneApp } from './standalone-app';
import { endpointView } from './view';

const SESSION = `${window.location.origin}/auth/session`;

const clients = () => ({
  queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  apiClient: createApiClient({ baseUrl: 'http://localhost/api', timeoutMs: 2000 }),
});

beforeEach(() => {
  server.use(
    ...readHandlers([makeEndpoint()]),
    http.get(SESSION, () =>
      HttpResponse.json({
        auth: 'oidc',
        email: 'ada@example.com',
        name: null,
        admitted: true,
        expires_at: '2030-01-01T00:00:00.000Z',
      }),
    ),
  );
});

afterEach(() => vi.restoreAllMocks());

describe('the standalone page', () => {
  it('follows the browser into German, bar and list alike', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE', 'en']);
    const { container } = render(<StandaloneApp {...clients()} />);
    expect(await screen.findByText('Angemeldet als', { exact: false })).toHaveTextContent(
      'Angemeldet als ada@example.com',
    );
    expect(screen.getByRole('button', { name: 'Abmelden' })).toBeVisible();
    expect(container.querySelector('.kwe-title')).toHaveTextContent('Konpro Webhook-Endpunkte');
    expect(await screen.findByRole('heading', { name: 'Webhook-Endpunkte' })).toBeVisible();
    expect(container.querySelector('.kwe-page')).toHaveAttribute('lang', 'de');
  });

  it('keeps its English for an English browser', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB']);
    const { container } = render(<StandaloneApp {...clients()} />);
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(container.querySelector('.kwe-title')).toHaveTextContent('Konpro webhook endpoints');
  });
});

describe('signing in again', () => {
  it('is asked in Arabic', async () => {
    render(
      <MountI18n locale="ar">
        <SignInAgain lost="expired" />
      </MountI18n>,
    );
    expect(await screen.findByText('انتهت صلاحية تسجيل دخولك')).toBeVisible();
    expect(screen.getByRole('link', { name: 'تسجيل الدخول مجددًا' })).toBeVisible();
  });
});

describe('an endpoint that is not there', () => {
  it('is said in Japanese', async () => {
    render(
      <EditorApp
        {...clients()}
        view={endpointView('ep_gone')}
        onNavigate={() => undefined}
        locale="ja"
      />,
    );
    expect(
      await screen.findByRole('heading', { name: 'エンドポイントが見つかりません' }),
    ).toBeVisible();
    expect(screen.getByText(/このアカウントにはエンドポイント/)).toHaveTextContent(
      'このアカウントにはエンドポイント ep_gone がありません。削除された可能性があります。',
    );
  });
});
