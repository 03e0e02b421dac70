import { messages as en } from '../../locales/en/form.po';
import type { Catalog } from '../catalog';

export const formCatalog: Catalog = {
  area: 'form',
  en,
  load: {
    de: () => import('../../locales/de/form.po'),
    ja: () => import('../../locales/ja/form.po'),
    ar: () => import('../../locales/ar/form.po'),
  },
};
