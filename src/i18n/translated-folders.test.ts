// Every file of src/ that could put text on screen is under konpro/no-raw-text (eslint.config.js):
// a new folder cannot slip past the catalogues.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRANSLATED_FOLDERS } from '../../eslint.config.js';

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
  it('covers every file of src/', () => {
    expect(sourceFiles('src').filter((path) => !translated(path))).toEqual([]);
  });

  it('names only folders that exist', () => {
    const files = sourceFiles('src');
    const missing = TRANSLATED_FOLDERS.filter(
      (folder) => !files.some((path) => inside(path, folder)),
    );
    expect(missing).toEqual([]);
  });
});
