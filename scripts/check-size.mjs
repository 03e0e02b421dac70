// `npm run check:size`: fails when the built app's initial JS + CSS, or the embed module, grows past
// its gzip budget in size-budget.json. Run it after `npm run build`; it only reads dist/.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appInitialAssets, embedModuleAssets, gzipTotal } from '../bench/lib/asset-sizes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const budgetFile = `${root}size-budget.json`;
const clientDir = `${root}dist/client`;
const embedFile = `${root}dist/embed/konpro-webhook-editor.js`;

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
if (!existsSync(budgetFile)) {
  console.error('check:size  FAIL  size-budget.json is missing: it holds the gzip budgets');
  process.exit(1);
}
const budgets = JSON.parse(readFileSync(budgetFile, 'utf8'));
const problems = [];
const lines = [];

function check(label, key, files) {
  const budget = budgets[key];
  const size = gzipTotal(files);
  if (typeof budget !== 'number') {
    lines.push(`${label}: ${kb(size)} gzip (no budget)`);
  } else if (size > budget) {
    problems.push(
      `${label} is ${kb(size)} gzip (${size} B), over its budget of ${budget} B by ` +
        `${size - budget} B (size-budget.json "${key}")`,
    );
  } else {
    lines.push(`${label}: ${kb(size)} gzip of ${kb(budget)} budget (${kb(budget - size)} left)`);
  }
}

const initial = appInitialAssets(clientDir);
if (initial === null) {
  problems.push('dist/client/index.html is missing: run `npm run build` before the size check');
} else {
  check('initial JS + CSS', 'initialJsCssGzipBytes', initial);
}

const embed = embedModuleAssets(embedFile);
if (embed !== null) {
  check('embed module', 'embedModuleGzipBytes', embed);
} else if ('embedModuleGzipBytes' in budgets) {
  problems.push(
    'dist/embed/konpro-webhook-editor.js is missing but size-budget.json has an ' +
      '"embedModuleGzipBytes" budget: build the embed module (npm run build)',
  );
}

for (const line of lines) console.log(`check:size  ${line}`);
for (const problem of problems) console.error(`check:size  FAIL  ${problem}`);
if (problems.length > 0) process.exit(1);
