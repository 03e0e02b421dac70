import type { QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { syncAcrossTabs } from '../api/cross-tab-sync';
import { useLingui } from '@lingui/react/macro';
import { useBrowserLocale } from '../i18n/browser-locale';
import { type Locale, directionOf } from '../i18n/locales';
import { MountI18n } from '../i18n/mount-i18n';
import { ELEMENT, withElement } from '../i18n/with-element';
import { LeaveDialog } from '../ui/leave-dialog';
import { PageTitleContext } from '../ui/page-title';
import { AccountBar } from './account-bar';
import { EditorApp } from './editor-app';
import { backendOf } from './shared-query-client';
import { SignInAgain } from './sign-in-again';
import { useSessionDraftOwner } from './use-session-draft-owner';
import { useSignInLost } from './use-sign-in-lost';
import { useSignOut } from './use-sign-out';
import { LIST_VIEW, type View, sameView, urlOfView, viewOfSearch } from './view';
import {
  DEFAULT_LIST_QUERY,
  type ListQuery,
  listQueryOfSearch,
  writeListQuery,
} from '../features/endpoint-list/list-query';

// The standalone app keeps the open endpoint in the address bar (`?endpoint_id=ID`, or `?new` for
// the add form), so a portal can deep-link to it and the browser's Back and Forward move between
// the list and endpoints.
// Each history entry it makes carries its position, so a Back over unsaved edits can be undone
// (history.go) while the admin is asked, exactly as the in-app link asks.

type Entry = { view: View; index: number };
type Asking = { to: Entry; delta: number };

const APP_NAME = 'Konpro';

export function readView(): View {
  return viewOfSearch(window.location.search);
}

function indexOf(state: unknown): number | null {
  if (typeof state !== 'object' || state === null || !('kweIndex' in state)) return null;
  return typeof state.kweIndex === 'number' ? state.kweIndex : null;
}

/** The address of `view`; the list's carries its search, filter and order, other views none. */
function urlFor(view: View, listQuery: ListQuery): URL {
  const base = new URL(window.location.href);
  writeListQuery(base.searchParams, view.name === 'list' ? listQuery : DEFAULT_LIST_QUERY);
  return urlOfView(view, base.href); // last: it spells the add form's address `?new`
}

const readListQuery = () => listQueryOfSearch(window.location.search);

/** How long changes to the list's search, filter or order pause before the address follows. */
const LIST_ADDRESS_DELAY_MS = 400;

function initialEntry(): Entry {
  const index = indexOf(window.history.state) ?? 0;
  window.history.replaceState({ ...(window.history.state as object), kweIndex: index }, '');
  return { view: readView(), index };
}

type StandaloneAppProps = {
  /** Made by the entry module, which starts the first requests before React renders. */
  apiClient: ApiClient;
  queryClient: QueryClient;
};

/** The page around the editor speaks the browser's language too: its bar and its dialogs. */
export function StandaloneApp(props: StandaloneAppProps) {
  const locale = useBrowserLocale();
  return (
    <MountI18n locale={locale}>
      <StandalonePage {...props} locale={locale} />
    </MountI18n>
  );
}

type StandalonePageProps = StandaloneAppProps & { locale: Locale };

function StandalonePage({ apiClient, queryClient, locale }: StandalonePageProps) {
  const { t, i18n } = useLingui();
  const lang = i18n.locale;
  const brand = ELEMENT; // the message's name for the product's name
  // Other tabs of this app hear of its saves, adds and deletes, and it of theirs.
  useEffect(() => syncAcrossTabs(queryClient, backendOf('/api')), [queryClient]);
  const [shown, setShown] = useState(initialEntry);
  const [asking, setAsking] = useState<Asking | null>(null);
  const current = useRef(shown);
  const dirty = useRef(false);
  // The next popstate is our own history.go: undoing a Back, or carrying out a confirmed one.
  const expected = useRef<'undo' | 'leave' | null>(null);
  const listScroll = useRef(0);
  const [listQuery, setListQuery] = useState(readListQuery);
  const currentListQuery = useRef(listQuery);
  // The list's address follows its query. Replaced, not stacked: each keystroke is no place to go
  // Back to. It is written once the changes pause: replacing the address is a synchronous trip to
  // the browser, too slow for every key of a long account's search. Leaving the list or the page
  // writes a change still waiting at once.
  const addressTimer = useRef(0); // 0: nothing waiting
  const writeListAddress = useCallback(() => {
    if (!addressTimer.current) return;
    clearTimeout(addressTimer.current);
    addressTimer.current = 0;
    if (current.current.view.name !== 'list') return;
    window.history.replaceState(
      window.history.state,
      '',
      urlFor(LIST_VIEW, currentListQuery.current),
    );
  }, []);
  const changeListQuery = useCallback(
    (query: ListQuery) => {
      currentListQuery.current = query;
      setListQuery(query);
      clearTimeout(addressTimer.current);
      addressTimer.current = window.setTimeout(writeListAddress, LIST_ADDRESS_DELAY_MS);
    },
    [writeListAddress],
  );

  const show = useCallback((to: Entry) => {
    if (current.current.view.name === 'list') listScroll.current = window.scrollY;
    current.current = to;
    setShown(to);
  }, []);

  useEffect(() => {
    window.history.scrollRestoration = 'manual'; // restored below, once the view has rendered
    const onPopState = (event: PopStateEvent) => {
      const to = { view: readView(), index: indexOf(event.state) ?? 0 };
      const was = expected.current;
      expected.current = null;
      if (was === 'undo') return;
      if (was === 'leave' || !dirty.current || sameView(to.view, current.current.view)) {
        if (to.view.name === 'list') {
          // Back on a list: the query its address holds (a list's entry keeps its own current).
          currentListQuery.current = readListQuery();
          setListQuery(currentListQuery.current);
        }
        show(to);
        return;
      }
      // Unsaved edits: put the entry back while asking. An entry without a position (made by
      // something else) cannot be gone back to, so the shown view gets a new one instead.
      const delta = indexOf(event.state) === null ? 0 : to.index - current.current.index;
      if (delta === 0) {
        window.history.pushState(
          { kweIndex: to.index + 1 },
          '',
          urlFor(current.current.view, currentListQuery.current),
        );
        current.current = { ...current.current, index: to.index + 1 };
      } else {
        expected.current = 'undo';
        window.history.go(-delta);
      }
      setAsking({ to, delta });
    };
    window.addEventListener('popstate', onPopState);
    window.addEventListener('pagehide', writeListAddress); // a reload finds the search as typed
    return () => {
      window.removeEventListener('popstate', onPopState);
      window.removeEventListener('pagehide', writeListAddress);
    };
  }, [show, writeListAddress]);

  // After a navigation: the list where it was scrolled to, an endpoint from its top.
  const shownList = shown.view.name === 'list';
  const shownKey = shown.view.name === 'endpoint' ? shown.view.endpointId : shown.view.name;
  const firstRender = useRef(true);
  useLayoutEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, shownList ? listScroll.current : 0);
  }, [shownList, shownKey]);

  const navigate = useCallback(
    (view: View, { replace = false } = {}) => {
      // After a create or a delete, the view left behind (the add form, a deleted endpoint) is
      // no place to come Back to: it is replaced rather than stacked.
      const to = { view, index: current.current.index + (replace ? 0 : 1) };
      // Back on the list after a delete: its top, where "Deleted …" and the focused heading are,
      // not where it was scrolled to before the endpoint was opened.
      if (replace && view.name === 'list') listScroll.current = 0;
      writeListAddress(); // the entry left behind keeps the search as typed
      const url = urlFor(view, currentListQuery.current);
      if (replace) window.history.replaceState({ kweIndex: to.index }, '', url);
      else window.history.pushState({ kweIndex: to.index }, '', url);
      show(to);
    },
    [show, writeListAddress],
  );

  const leave = () => {
    if (asking === null) return;
    setAsking(null);
    dirty.current = false;
    if (asking.delta === 0) {
      navigate(asking.to.view);
    } else {
      expected.current = 'leave';
      window.history.go(asking.delta);
    }
  };

  const setTitle = useCallback((title: string) => {
    document.title = `${title} · ${APP_NAME}`;
  }, []);
  const onDirtyChange = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);

  const signInLost = useSignInLost(queryClient);
  const draftOwner = useSessionDraftOwner(queryClient);
  const signOut = useSignOut(draftOwner, () => dirty.current);
  const { formRef: signOutForm, buttonRef: signOutButton } = signOut;
  // index.html paints this same frame before the scripts have run: keep the two alike.
  return (
    <div className="kwe-root kwe-page" data-theme="auto" lang={lang} dir={directionOf(lang)}>
      <header className="kwe-topbar">
        <span className="kwe-title">
          {withElement(
            t`${brand} webhook endpoints`,
            <span className="kwe-brand">{APP_NAME}</span>,
          )}
        </span>
        {!signInLost && (
          <AccountBar
            queryClient={queryClient}
            formRef={signOutForm}
            buttonRef={signOutButton}
            onSignOut={signOut.onSubmit}
          />
        )}
      </header>
      <main className="kwe-main">
        {signInLost && <SignInAgain lost={signInLost} />}
        {asking && <LeaveDialog onLeave={leave} onStay={() => setAsking(null)} />}
        {signOut.asking && (
          <LeaveDialog
            title={t`Sign out and discard unsaved changes?`}
            leaveLabel={t`Sign out`}
            onLeave={signOut.confirm}
            onStay={signOut.stay}
          >
            {t`Signing out removes your unsaved changes from this tab, so nobody who signs in here after you sees them.`}
          </LeaveDialog>
        )}
        <PageTitleContext.Provider value={setTitle}>
          <EditorApp
            apiClient={apiClient}
            queryClient={queryClient}
            view={shown.view}
            onNavigate={navigate}
            onDirtyChange={onDirtyChange}
            draftOwner={draftOwner}
            locale={locale}
            listQuery={listQuery}
            onListQueryChange={changeListQuery}
          />
        </PageTitleContext.Provider>
      </main>
    </div>
  );
}
