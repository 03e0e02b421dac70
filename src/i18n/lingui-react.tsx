// The part of @lingui/react the list page needs, over @lingui/core: a provider and useLingui.
// @lingui/react's one module also holds Trans and its markup parser, which the bundler keeps
// beside the provider in the list page's chunk as soon as any chunk uses Trans (about 1.2 kB
// brotli the list never runs). The macros import useLingui from here and Trans from ./trans.tsx
// (lingui.config.ts, runtimeConfigModule), so Trans travels with the chunks that show it.
import type { I18n } from '@lingui/core';
import { type ReactNode, createContext, useContext, useLayoutEffect, useState } from 'react';

export type LinguiValue = {
  i18n: I18n;
  /** The message function the macros call (`t`, `plural`, `<Trans>`). */
  _: I18n['_'];
};

const LinguiContext = createContext<LinguiValue | null>(null);

const valueOf = (i18n: I18n): LinguiValue => ({ i18n, _: i18n.t.bind(i18n) });

/** Gives its children the instance, and a new value (so they render again) on each change. */
export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  const [value, setValue] = useState(() => valueOf(i18n));
  // A layout effect, so it listens before the parent's own layout effects activate a locale.
  useLayoutEffect(() => {
    const changed = () => setValue(valueOf(i18n));
    const stop = i18n.on('change', changed);
    changed();
    return stop;
  }, [i18n]);
  return <LinguiContext.Provider value={value}>{children}</LinguiContext.Provider>;
}

export function useLingui(): LinguiValue {
  const value = useContext(LinguiContext);
  if (value === null) throw new Error('useLingui() needs an <I18nProvider> above it');
  return value;
}
