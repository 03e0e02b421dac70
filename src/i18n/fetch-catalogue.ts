// How the embed module loads another locale's catalogue (vite.lingui.ts, embedCatalogueData): as
// JSON, checked against the SHA-256 the module holds for it, so a portal that pins the module
// with Subresource Integrity runs and shows nothing it did not pin. A file that fails the check
// fails to load, as an unreachable one does: the editor keeps speaking English.
import type { CatalogModule } from './catalog';

/**
 * The list of an area's messages, each at its number less `base` (null where it has none), if
 * its SHA-256 is `sha256` (base64url, as the file is named).
 */
export async function fetchCatalogue(
  url: string,
  sha256: string,
  base: number,
): Promise<CatalogModule> {
  const integrity = `sha256-${sha256.replaceAll('-', '+').replaceAll('_', '/')}=`;
  const response = await fetch(url, { integrity });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const list = (await response.json()) as unknown[];
  return {
    messages: Object.fromEntries(
      list.flatMap((message, at) => (message === null ? [] : [[at + base, message]])),
    ) as CatalogModule['messages'],
  };
}
