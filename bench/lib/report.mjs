// The bench's results as one table, for the terminal and for BENCHMARKS.md alike.
import { REPORT_FLOOR_MS } from './input-events.mjs';

export const TARGETS = {
  sizeRatio: { max: 1.6, aim: 1.45 },
  readyRatio: { max: 2.5 },
  slowestInputMs: { max: 50, aim: 16 },
  heapGrowthBytes: { max: 1_000_000 },
};

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value) => (value > 0 ? `${Math.round(value)} ms` : `< ${REPORT_FLOOR_MS} ms`);
const ratio = (value) => `${value.toFixed(2)}×`;
const signedKb = (bytes) => `${bytes >= 0 ? '+' : '−'}${kb(Math.abs(bytes))}`;

function verdict(value, { max, aim }, { below = false } = {}) {
  const pass = below ? value < max : value <= max;
  if (!pass) return 'FAIL';
  if (aim === undefined) return 'PASS';
  return value <= aim ? 'PASS (aim met)' : 'PASS (aim not met)';
}

const runs = (n) => `${n} run${n === 1 ? '' : 's'}`;
/** "454 ms (352–583)": the median, then the fastest and slowest run. */
const timeWithSpread = (series) =>
  `${ms(series.median)} (${Math.round(series.min)}–${Math.round(series.max)})`;
const info = (label, app, baseline = '—', ratioCell = '—') => [
  label,
  app,
  baseline,
  ratioCell,
  '—',
  '—',
];

/** Rows of [measure, app, baseline, ratio, target, result]. */
export function resultRows(r) {
  const { sizes, ready, save, input, heap } = r;
  const sizeRow = (label, app, base) => info(label, kb(app), kb(base), ratio(app / base));
  const sizeRatio = sizes.app.gzip / sizes.baseline.gzip;
  const readyRatio = ready.app.median / ready.baseline.median;
  const inputRuns = `median of ${runs(input.runs)}`;
  const growth = heap.afterAll - heap.afterOne;
  const lastCycles = heap.cycles - heap.half;
  const steady = heap.afterAll - heap.afterHalf;
  const { sizeRatio: sizeTarget, readyRatio: readyTarget, slowestInputMs: inputTarget } = TARGETS;

  return [
    [
      'Initial JS + CSS, gzip',
      kb(sizes.app.gzip),
      kb(sizes.baseline.gzip),
      ratio(sizeRatio),
      `≤ ${ratio(sizeTarget.max)} (aim ${ratio(sizeTarget.aim)})`,
      verdict(sizeRatio, sizeTarget),
    ],
    sizeRow('Initial JS + CSS, brotli', sizes.app.brotli, sizes.baseline.brotli),
    sizeRow('Initial JS + CSS, raw', sizes.app.raw, sizes.baseline.raw),
    info('Loaded on demand (not initial), gzip', kb(sizes.lazy.gzip)),
    ...(sizes.embed
      ? [
          sizeRow('Embed module, gzip', sizes.embed.gzip, sizes.baseline.gzip),
          sizeRow('Embed module, brotli', sizes.embed.brotli, sizes.baseline.brotli),
        ]
      : [info('Embed module', 'not built yet')]),
    [
      `Editor holds its data vs baseline first render (median of ${runs(ready.app.runs)})`,
      timeWithSpread(ready.app),
      timeWithSpread(ready.baseline),
      ratio(readyRatio),
      `≤ ${ratio(readyTarget.max)}`,
      verdict(readyRatio, readyTarget),
    ],
    info(`Save pressed → saved panel (median of ${runs(save.runs)})`, timeWithSpread(save)),
    [
      `Slowest input event, 1,000 event types (${inputRuns})`,
      `${ms(input.max)} (worst run ${ms(input.worstMax)})`,
      '—',
      '—',
      `≤ ${inputTarget.max} ms (aim ${inputTarget.aim} ms)`,
      verdict(input.max, inputTarget),
    ],
    info(`↳ p95 of ${input.interactions} interactions (${inputRuns})`, ms(input.p95)),
    info(`↳ slowest while typing the URL (${inputRuns})`, ms(input.typingMax)),
    info(`↳ slowest while ticking boxes (${inputRuns})`, ms(input.tickingMax)),
    [
      `JS heap growth, ${heap.cycles} save cycles vs 1`,
      `${signedKb(growth)} (${kb(heap.afterOne)} → ${kb(heap.afterAll)})`,
      '—',
      '—',
      '< 1 MB',
      verdict(growth, TARGETS.heapGrowthBytes, { below: true }),
    ],
    info(
      `↳ of which the last ${lastCycles} cycles`,
      `${signedKb(steady)} (${signedKb(steady / lastCycles)} per cycle)`,
    ),
    info(`↳ compiled code, cycle 1 → ${heap.cycles} (heap snapshots)`, signedKb(heap.codeGrowth)),
    info(`↳ all other JS objects, cycle 1 → ${heap.cycles}`, signedKb(heap.otherGrowth)),
  ];
}

const HEADER = ['Measure', 'App', 'Baseline', 'Ratio', 'Target', 'Result'];

/** "Targets: 2 PASS, 2 FAIL" from the Result column. */
export function targetSummary(rows) {
  const results = rows.map((row) => row[5]).filter((cell) => cell !== '—');
  const passed = results.filter((cell) => cell.startsWith('PASS')).length;
  return `Targets: ${passed} PASS, ${results.length - passed} FAIL`;
}

export function markdownTable(rows) {
  const line = (cells) => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(HEADER), line(HEADER.map(() => '---')), ...rows.map(line)].join('\n');
}

export function textTable(rows) {
  const all = [HEADER, ...rows];
  const widths = HEADER.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (cells) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(HEADER), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function filesTable(label, measured) {
  const rows = measured.files.map(
    (f) => `| ${label} | \`${f.file}\` | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`,
  );
  return rows.join('\n');
}

export function machineLines(facts) {
  return [
    `- CPU: ${facts.cpu}, ${facts.cores} cores`,
    `- Memory: ${facts.memory}`,
    `- Load (1-minute average): ${facts.load.start.toFixed(2)} at the start, ${facts.load.end.toFixed(2)} at the end`,
    `- OS: ${facts.os}`,
    `- Node ${facts.node}, Chromium ${facts.chromium} (headless), Vite ${facts.vite}, React ${facts.react}`,
    `- Commit: ${facts.commit}`,
  ].join('\n');
}
