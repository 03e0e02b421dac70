// The build's size measures that the unit tests do not otherwise reach: React's exports as plain
// bindings (vite.react-bindings.ts) and the zod resolver's modern build (vite.modern-builds.ts);
// and the words each language's page shell says (vite.localized-pages.ts).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { shellHtml } from '../../vite.localized-pages.ts';
import { MODERN_BUILDS } from '../../vite.modern-builds.ts';
import { reactBindings } from '../../vite.react-bindings.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

type Hook = (this: unknown, ...args: string[]) => string | null;
const hook = (plugin: Plugin, name: 'resolveId' | 'load') => plugin[name] as unknown as Hook;

describe('React through plain bindings', () => {
  const plugin = reactBindings();
  const resolve = (source: string, importer: string) =>
    hook(plugin, 'resolveId').call({}, source, importer);

  it('serves our modules’ React imports from the facade, and leaves the libraries’ alone', () => {
    expect(resolve('react', `${root}src/app/editor-app.tsx`)).toBe('\0react-bindings:react');
    expect(resolve('react/jsx-runtime', `${root}src/ui/reads-as.tsx`)).toBe(
      '\0react-bindings:react/jsx-runtime',
    );
    expect(resolve('react', `${root}node_modules/react-hook-form/dist/index.esm.mjs`)).toBeNull();
    expect(resolve('react-dom/client', `${root}src/main.tsx`)).toBeNull();
  });

  it('exports each of React’s exports, each one droppable when unused', () => {
    const facade = hook(plugin, 'load').call({}, '\0react-bindings:react') ?? '';
    for (const name of ['useState', 'useContext', 'createContext', 'Fragment', 'StrictMode']) {
      expect(facade).toContain(`export const ${name} = /* @__PURE__ */ get('${name}');`);
    }
    const exported = facade.match(/^export const /gm)?.length;
    expect(exported).toBe(Object.keys(require('react') as object).length);
  });
});

describe('the zod resolver’s modern build', () => {
  it('is the same package’s file, and exports zodResolver', async () => {
    const replacement = MODERN_BUILDS[0]?.replacement ?? '';
    expect(existsSync(replacement)).toBe(true);
    const modern = (await import(replacement)) as { zodResolver?: unknown };
    expect(typeof modern.zodResolver).toBe('function');
  });
});

describe('the words of a page shell in another language', () => {
  it('are text, never markup, even where a translation holds some', () => {
    expect(shellHtml('Wird <b>geladen</b> & "so"')).toBe(
      'Wird &lt;b&gt;geladen&lt;/b&gt; &amp; &quot;so&quot;',
    );
    expect(shellHtml("Lädt $' $$")).toBe("Lädt $' $$");
  });

  it('read ICU quoting as the page does', () => {
    expect(shellHtml("Konpro''s '{'Liste'}'")).toBe("Konpro's {Liste}");
  });

  it('put the brand where the language puts it, and refuse a heading without it', () => {
    expect(shellHtml('نقاط نهاية Webhook في {brand}', { brand: true })).toBe(
      'نقاط نهاية Webhook في <span class="kwe-brand">Konpro</span>',
    );
    expect(() => shellHtml('Webhook-Endpunkte', { brand: true })).toThrow(/leaves out \{brand\}/);
    expect(() => shellHtml('Lädt {count}')).toThrow(/placeholder/);
  });
});
