// Part of `npm run lint`: fails when the message catalogues (src/locales/<locale>/<area>.po) are
// out of date with the code, i.e. when `npm run i18n:extract` would change one of them, and when
// a shipped locale leaves a message untranslated. The catalogues are left as they were found.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'src/locales');
const SOURCE_LOCALE = 'en';

const catalogues = () =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.po'))
    .map((name) => join(dir, name));
const snapshot = () => new Map(catalogues().map((file) => [file, readFileSync(file, 'utf8')]));

const before = snapshot();
execFileSync(
  process.execPath,
  [join(root, 'node_modules/@lingui/cli/dist/lingui.js'), 'extract', '--clean'],
  {
    cwd: root,
    stdio: 'pipe',
  },
);
const after = snapshot();
const stale = [...new Set([...before.keys(), ...after.keys()])].filter(
  (file) => before.get(file) !== after.get(file),
);
// Put back what was there: this is a check, not a fix.
for (const file of stale) {
  const text = before.get(file);
  if (text !== undefined) writeFileSync(file, text);
}

const problems = stale.map(
  (file) => `${relative(root, file)} is out of date: run \`npm run i18n:extract\` and translate`,
);
for (const [file, text] of before) {
  if (relative(dir, file).startsWith(`${SOURCE_LOCALE}/`)) continue;
  // An entry whose msgstr is "" with no continuation line is untranslated (the header excepted).
  for (const entry of text.split(/\n\s*\n/)) {
    const id = /^msgid "(.*)"$/m.exec(entry)?.[1];
    if (id && /^msgstr ""$(?!\n")/m.test(entry)) {
      problems.push(`${relative(root, file)}: "${id}" has no translation`);
    }
  }
}
for (const problem of problems) console.error(`check:catalogs  FAIL  ${problem}`);
if (problems.length > 0) process.exit(1);
console.log(`check:catalogs  ${before.size} catalogues up to date and translated`);
