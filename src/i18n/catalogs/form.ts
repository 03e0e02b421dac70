import { messages as en } from '../../locales/en/form.po';
import type { Catalog } from '../catalog';

// Every other language's catalogue is its own chunk, fetched when a mount asks for it
// (load-messages.ts).
export const formCatalog: Catalog = { area: 'form', en };
