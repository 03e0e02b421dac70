import type { Linter } from 'eslint';

/** Folders (or files) of src/ under konpro/no-raw-text. */
export const TRANSLATED_FOLDERS: readonly string[];
/** Folders of src/ whose text is still written in their code. */
export const NOT_YET_TRANSLATED: readonly string[];
declare const config: Linter.Config[];
export default config;
