import { messages as en } from '../../locales/en/form.po';
import type { Catalog, CatalogModule } from '../catalog';
import { byLocale } from '../catalog-files';

export const formCatalog: Catalog = {
  area: 'form',
  en,
  // Every other language's catalogue is its own chunk, fetched when a mount asks for it.
  load: byLocale(
    import.meta.glob<CatalogModule>(['../../locales/*/form.po', '!../../locales/en/form.po']),
  ),
};
