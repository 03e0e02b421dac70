// jsdom has constructed style sheets but no `adoptedStyleSheets`: a plain list per shadow root
// stands in, enough for mount() to add its sheet and for a test to see it removed.
const sheets = new WeakMap<ShadowRoot, readonly CSSStyleSheet[]>();

export function installAdoptedStyleSheets() {
  if ('adoptedStyleSheets' in ShadowRoot.prototype) return;
  Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
    configurable: true,
    get(this: ShadowRoot) {
      return sheets.get(this) ?? [];
    },
    set(this: ShadowRoot, value: readonly CSSStyleSheet[]) {
      sheets.set(this, [...value]);
    },
  });
}
