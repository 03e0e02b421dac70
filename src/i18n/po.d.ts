// A catalogue compiled by @lingui/vite-plugin (vite.lingui.ts).
declare module '*.po' {
  import type { Messages } from '@lingui/core';

  export const messages: Messages;
}

/** The shipped languages, English first: the folders of src/locales (vite.lingui.ts). */
declare const KONPRO_LOCALES: readonly string[];
