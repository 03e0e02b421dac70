// Which locales a catalogue has, read from the files the build found (import.meta.glob in
// src/i18n/catalogs/*.ts): a language is shipped when src/locales/<locale>/ holds its catalogues.
import type { CatalogModule } from './catalog';

type Loaders = Record<string, () => Promise<CatalogModule>>;

/** `{ '../../locales/de/app.po': load }` → `{ de: load }`. */
export function byLocale(files: Loaders): Loaders {
  return Object.fromEntries(
    Object.entries(files).map(([path, load]) => [path.split('/').at(-2) ?? path, load]),
  );
}
