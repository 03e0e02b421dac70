import { messages as en } from '../../locales/en/app.po';
import type { Catalog, CatalogModule } from '../catalog';
import { byLocale } from '../catalog-files';

export const appCatalog: Catalog = {
  area: 'app',
  en,
  // Every other language's catalogue is its own chunk, fetched when a mount asks for it.
  load: byLocale(
    import.meta.glob<CatalogModule>(['../../locales/*/app.po', '!../../locales/en/app.po']),
  ),
};
