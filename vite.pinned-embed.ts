import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

const MODULE = 'konpro-webhook-editor.js';
const MANIFEST = 'konpro-webhook-editor.json';

/**
 * Beside the embed module, a copy named by its content (`assets/konpro-webhook-editor-HASH.js`)
 * that never changes, so a portal that pins a version can keep it for a year and check it with
 * Subresource Integrity; `konpro-webhook-editor.json` names the copy of this build. The copy sits
 * in assets/ beside the locale chunks, so its imports of them (`./assets/locale-…`) lose a step.
 */
export function pinnedEmbedCopy(): Plugin {
  return {
    name: 'konpro-pinned-embed-copy',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const module = bundle[MODULE];
      if (module?.type !== 'chunk') this.error(`${MODULE} is missing from the embed build`);
      const code = module.code.replace(/(["'`])\.\/assets\//g, '$1./');
      const digest = (algorithm: string) => createHash(algorithm).update(code).digest();
      const pinned = `assets/konpro-webhook-editor-${digest('sha256').toString('hex').slice(0, 12)}.js`;
      this.emitFile({ type: 'asset', fileName: pinned, source: code });
      const integrity = `sha384-${digest('sha384').toString('base64')}`;
      const manifest = { module: `/embed/${pinned}`, integrity };
      this.emitFile({
        type: 'asset',
        fileName: MANIFEST,
        source: `${JSON.stringify(manifest, null, 2)}\n`,
      });
    },
  };
}
