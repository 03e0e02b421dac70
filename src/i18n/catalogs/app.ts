import { messages as en } from '../../locales/en/app.po';
import type { Catalog } from '../catalog';

export const appCatalog: Catalog = {
  area: 'app',
  en,
  load: {
    de: () => import('../../locales/de/app.po'),
    ja: () => import('../../locales/ja/app.po'),
    ar: () => import('../../locales/ar/app.po'),
  },
};
