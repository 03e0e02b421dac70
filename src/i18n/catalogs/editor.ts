import { messages as en } from '../../locales/en/editor.po';
import type { Catalog, CatalogModule } from '../catalog';
import { byLocale } from '../catalog-files';

export const editorCatalog: Catalog = {
  area: 'editor',
  en,
  // Every other language's catalogue is its own chunk, fetched when a mount asks for it.
  load: byLocale(
    import.meta.glob<CatalogModule>(['../../locales/*/editor.po', '!../../locales/en/editor.po']),
  ),
};
