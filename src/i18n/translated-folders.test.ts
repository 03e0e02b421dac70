// Every file of src/ that could put text on screen is under konpro/no-raw-text (eslint.config.js),
// or in a folder named as not yet translated: a new folder cannot slip past the catalogues.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_YET_TRANSLATED, TRANSLATED_FOLDERS } from '../../eslint.config.js';

const ROOT = join(import.meta.dirname, '../..');
// Test helpers and the catalogues themselves are not the page's code.
const NOT_CODE = /(\.test\.tsx?|\.d\.ts)$|^src\/(test|locales)\//;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !NOT_CODE.test(path) ? [path] : [];
  });
}

const inside = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
const translated = (path: string) => TRANSLATED_FOLDERS.some((folder) => inside(path, folder));

describe('konpro/no-raw-text', () => {
  it('covers every file of src/ but those of folders not yet translated', () => {
    const uncovered = sourceFiles('src').filter(
      (path) => !translated(path) && !NOT_YET_TRANSLATED.some((folder) => inside(path, folder)),
    );
    expect(uncovered).toEqual([]);
  });

  it('names no translated folder as not yet translated', () => {
    // A folder that joined TRANSLATED_FOLDERS leaves NOT_YET_TRANSLATED (a part of one may join
    // first, as src/endpoint-form/url-check did).
    expect(NOT_YET_TRANSLATED.filter(translated)).toEqual([]);
  });

  it('names only folders that exist', () => {
    const files = sourceFiles('src');
    const missing = [...TRANSLATED_FOLDERS, ...NOT_YET_TRANSLATED].filter(
      (folder) => !files.some((path) => inside(path, folder)),
    );
    expect(missing).toEqual([]);
  });
});
