// The editor's layout mirrors in a right-to-left language (ar) only when its CSS says start and
// end, never left and right: a physical property in any style sheet of the page fails here.
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');
const PHYSICAL =
  /(?:^|[;{\s])((?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)(?:-\w+)?|left|right|(?:float|clear|text-align)\s*:\s*(?:left|right)\b)\s*:?/gm;

function physicalIn(css: string): string[] {
  const code = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...code.matchAll(PHYSICAL)].map(([, found = '']) => found.trim());
}

const sheets = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .map((name) => posix.join(...name.split('\\')))
  .filter((name) => name.endsWith('.css') || name === 'app/shadow-css.ts');

describe('logical CSS', () => {
  it('finds the style sheets', () => {
    expect(sheets).toEqual(expect.arrayContaining(['app/app.css', 'app/editor.css']));
  });

  it.each(sheets)('%s uses no left or right', (sheet) => {
    expect(physicalIn(readFileSync(join(SRC, sheet), 'utf8'))).toEqual([]);
  });

  it('tells the physical from the logical', () => {
    expect(physicalIn('a { margin-left: 1em; padding-right: 0 }')).toEqual([
      'margin-left',
      'padding-right',
    ]);
    expect(physicalIn('a { left: 0; float: right; text-align: left }')).toEqual([
      'left',
      'float: right',
      'text-align: left',
    ]);
    expect(
      physicalIn('a { margin-inline-start: 1em; inset-inline-end: 0; text-align: start }'),
    ).toEqual([]);
  });
});
