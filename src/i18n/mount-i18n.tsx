// One Lingui instance per mounted editor, so two editors on one page may speak two languages.
// The requested locale is negotiated (locales.ts); its catalogues are loaded, then activated in
// place: nothing remounts, so a form keeps what the admin typed. Until they are here the editor
// keeps speaking the language it spoke (English at first).
import type { I18n, Messages } from '@lingui/core';
import {
  type ReactNode,
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
} from 'react';
import { type Catalog, importLoader, messagesNow } from './catalog';
import { appCatalog } from './catalogs/app';
import { I18nProvider } from './lingui-react';
import { type Locale, negotiateLocale } from './locales';
import { setupI18n } from './runtime';

type CatalogHost = {
  version: number;
  /** Adds catalogues this mount shows from now on (a chunk's own). */
  add: (catalogs: readonly Catalog[]) => void;
  /** Whether the catalogues are loaded in the locale now active. */
  has: (catalogs: readonly Catalog[]) => boolean;
};

const CatalogHostContext = createContext<CatalogHost | null>(null);

const areasLoaded = new WeakMap<I18n, Set<string>>();
const loadedIn = (i18n: I18n) => {
  let areas = areasLoaded.get(i18n);
  if (areas === undefined) areasLoaded.set(i18n, (areas = new Set()));
  return areas;
};
const isLoaded = (i18n: I18n, locale: string, catalog: Catalog) =>
  loadedIn(i18n).has(`${locale}:${catalog.area}`);

function loadInto(i18n: I18n, locale: Locale, loaded: [Catalog, Messages][]) {
  for (const [catalog, messages] of loaded) {
    i18n.load(locale, messages);
    loadedIn(i18n).add(`${locale}:${catalog.area}`);
  }
}

type MountI18nProps = {
  /** BCP 47 tags in order of preference (a portal's `locale`, the browser's languages). */
  locale: string | readonly string[] | undefined;
  children: ReactNode;
};

export function MountI18n({ locale: requested, children }: MountI18nProps) {
  const wanted = negotiateLocale(requested);
  const [catalogs, setCatalogs] = useState<readonly Catalog[]>([appCatalog]);
  const [i18n] = useState(() => {
    const instance = setupI18n();
    // The first render speaks the wanted language when its messages are already here (another
    // editor or the entry loaded them), else English, which is always here.
    const first = messagesNow(appCatalog, wanted) ? wanted : 'en';
    loadInto(instance, first, [[appCatalog, messagesNow(appCatalog, first) ?? appCatalog.en]]);
    instance.activate(first);
    return instance;
  });
  const [version, setVersion] = useState(0);

  useLayoutEffect(() => {
    let live = true;
    const apply = (loaded: [Catalog, Messages][]) => {
      if (!live) return;
      loadInto(i18n, wanted, loaded);
      // Activating tells every component that reads a message (useLingui) to render again.
      if (i18n.locale !== wanted) i18n.activate(wanted);
      setVersion((version) => version + 1);
    };
    const missing = catalogs.filter((catalog) => !isLoaded(i18n, wanted, catalog));
    const now = missing.map((catalog) => messagesNow(catalog, wanted));
    if (now.every((messages) => messages !== undefined)) {
      if (missing.length > 0 || i18n.locale !== wanted) {
        apply(missing.map((catalog, index) => [catalog, now[index] ?? catalog.en]));
      }
      return;
    }
    // Another locale's loader is a chunk of its own (catalog.ts). A catalogue, or the loader, that
    // cannot be fetched (offline, or a tab left open across a deploy) speaks English meanwhile.
    importLoader()
      .then(
        (loader) => loader.loadAll(missing, wanted),
        () => missing.map((catalog): [Catalog, Messages] => [catalog, catalog.en]),
      )
      .then(apply, () => undefined);
    return () => {
      live = false;
    };
  }, [i18n, wanted, catalogs]);

  const add = useCallback((more: readonly Catalog[]) => {
    setCatalogs((current) => {
      const added = more.filter((catalog) => !current.includes(catalog));
      return added.length === 0 ? current : [...current, ...added];
    });
  }, []);
  const active = i18n.locale;
  // A new version is a new host, so every `useCatalogs` asks `has` again after a load.
  const host = useMemo<CatalogHost>(
    () => ({
      version,
      add,
      has: (list) => list.every((catalog) => isLoaded(i18n, active, catalog)),
    }),
    [version, add, i18n, active],
  );

  return (
    <CatalogHostContext.Provider value={host}>
      <I18nProvider i18n={i18n}>{children}</I18nProvider>
    </CatalogHostContext.Provider>
  );
}

/**
 * For the root of a chunk: makes its catalogues part of this mount's language and says whether
 * they are loaded in the active locale (in English at once, before the browser paints).
 */
export function useCatalogs(catalogs: readonly Catalog[]): boolean {
  const host = useContext(CatalogHostContext);
  if (host === null) throw new Error('useCatalogs() needs a <MountI18n> above it');
  const { add } = host;
  useLayoutEffect(() => add(catalogs), [add, catalogs]);
  return host.has(catalogs);
}
