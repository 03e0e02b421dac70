import { messages as en } from '../../locales/en/editor.po';
import type { Catalog } from '../catalog';

export const editorCatalog: Catalog = {
  area: 'editor',
  en,
  load: {
    de: () => import('../../locales/de/editor.po'),
    ja: () => import('../../locales/ja/editor.po'),
    ar: () => import('../../locales/ar/editor.po'),
  },
};
