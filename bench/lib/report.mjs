// The bench's results as one table, for the terminal and for BENCHMARKS.md alike.
import { REPORT_FLOOR_MS } from './input-events.mjs';

export const TARGETS = {
  sizeRatio: { max: 1.45 },
  readyRatio: { max: 2, aim: 1.5 },
  slow4gRatio: { max: 2 },
  slowestInputMs: { max: 50, aim: 16 },
  heapOtherGrowthBytes: { max: 64_000 },
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
const target = ({ max, aim }, unit = ratio) =>
  `≤ ${unit(max)}${aim === undefined ? '' : ` (aim ${unit(aim)})`}`;
const msUnit = (value) => `${value} ms`;
/** "79.1 kB (br)": the bytes and how the server encoded them (all files alike, or "mixed"). */
function wire(measured) {
  if (measured.files.length === 0) return 'none';
  const encodings = new Set(measured.files.map((file) => file.encoding));
  return `${kb(measured.bytes)} (${encodings.size === 1 ? [...encodings][0] : 'mixed'})`;
}

function sizeRows(sizes) {
  const pair = (label, app, base) =>
    info(label, wire(app), wire(base), ratio(app.bytes / base.bytes));
  const sizeRatio = sizes.app.bytes / sizes.baseline.bytes;
  return [
    [
      'Initial bytes on the wire, list page (HTML + JS + CSS as served)',
      wire(sizes.app),
      wire(sizes.baseline),
      ratio(sizeRatio),
      target(TARGETS.sizeRatio),
      verdict(sizeRatio, TARGETS.sizeRatio),
    ],
    pair('↳ deep link `?endpoint_id=` (editor chunk preloaded)', sizes.deepLink, sizes.baseline),
    pair('↳ to a gzip-only browser', sizes.gzip.app, sizes.gzip.baseline),
    pair('↳ uncompressed (raw)', sizes.identity.app, sizes.identity.baseline),
    info('Chunks the list page loads once idle (the editor), as served', wire(sizes.lazy)),
    info(
      'API list answers (endpoint.list + webhook.list), as served',
      `${wire(sizes.api)}, ${kb(sizes.api.raw)} raw`,
    ),
    ...(sizes.embed
      ? [
          pair('Embed module, as served', sizes.embed.browser, sizes.baseline),
          pair('↳ to a gzip-only browser', sizes.embed.gzip, sizes.gzip.baseline),
        ]
      : [info('Embed module', 'not built yet')]),
  ];
}

function readyRows(label, ready, limit) {
  const readyRatio = ready.app.median / ready.baseline.median;
  return [
    [
      `${label} (median of ${runs(ready.app.runs)})`,
      timeWithSpread(ready.app),
      timeWithSpread(ready.baseline),
      ratio(readyRatio),
      target(limit),
      verdict(readyRatio, limit),
    ],
    info(
      '↳ first contentful paint (median)',
      ms(ready.app.firstPaint),
      ms(ready.baseline.firstPaint),
      ratio(ready.app.firstPaint / ready.baseline.firstPaint),
    ),
    info(
      '↳ bytes received by then (Resource Timing, median)',
      kb(ready.app.bytes),
      kb(ready.baseline.bytes),
      ratio(ready.app.bytes / ready.baseline.bytes),
    ),
  ];
}

function inputRows(input) {
  const inputRuns = `median of ${runs(input.runs)}`;
  return [
    [
      `Slowest input event, 1,000 event types (${inputRuns})`,
      `${ms(input.max)} (worst run ${ms(input.worstMax)})`,
      '—',
      '—',
      target(TARGETS.slowestInputMs, msUnit),
      verdict(input.max, TARGETS.slowestInputMs),
    ],
    info(`↳ p95 of ${input.interactions} interactions (${inputRuns})`, ms(input.p95)),
    info(`↳ slowest while typing the URL (${inputRuns})`, ms(input.typingMax)),
    info(`↳ slowest while ticking boxes (${inputRuns})`, ms(input.tickingMax)),
  ];
}

function listRows(list) {
  const shown = info(
    `List of 500 endpoints in the page, first 100 drawn (median of ${runs(list.runs)})`,
    timeWithSpread(list.shown),
  );
  if (list.search === null) {
    return [shown, info('↳ slowest input while searching', 'no "Search endpoints" box yet')];
  }
  return [
    shown,
    [
      `↳ slowest input while searching (median of ${runs(list.runs)})`,
      `${ms(list.search.max)} (worst run ${ms(list.search.worstMax)})`,
      '—',
      '—',
      target(TARGETS.slowestInputMs, msUnit),
      verdict(list.search.max, TARGETS.slowestInputMs),
    ],
    info('↳ p95 of the keystrokes', ms(list.search.p95)),
  ];
}

function heapRows(heap) {
  const growth = heap.afterAll - heap.afterOne;
  const lastCycles = heap.cycles - heap.half;
  const steady = heap.afterAll - heap.afterHalf;
  return [
    [
      `JS heap growth without compiled code, ${heap.cycles} save cycles vs 1, History full (heap snapshots)`,
      signedKb(heap.otherGrowth),
      '—',
      '—',
      `< ${kb(TARGETS.heapOtherGrowthBytes.max)}`,
      verdict(heap.otherGrowth, TARGETS.heapOtherGrowthBytes, { below: true }),
    ],
    ...(heap.newEndpointGrowth === undefined
      ? []
      : [
          info(
            `↳ a new endpoint instead: its History fills to 20 entries (bounded: reported, not judged)`,
            signedKb(heap.newEndpointGrowth),
          ),
        ]),
    info(
      `↳ compiled code, cycle 1 → ${heap.cycles} (engine warm-up: reported, not judged)`,
      signedKb(heap.codeGrowth),
    ),
    info(
      '↳ used heap in all (Runtime.getHeapUsage)',
      `${signedKb(growth)} (${kb(heap.afterOne)} → ${kb(heap.afterAll)})`,
    ),
    info(
      `↳ of which the last ${lastCycles} cycles`,
      `${signedKb(steady)} (${signedKb(steady / lastCycles)} per cycle)`,
    ),
  ];
}

/** Rows of [measure, app, baseline, ratio, target, result], for the series that ran. */
export function resultRows(r) {
  return [
    ...sizeRows(r.sizes),
    ...(r.ready
      ? readyRows('Editor holds its data vs baseline first render', r.ready, TARGETS.readyRatio)
      : []),
    ...(r.slow4g ? readyRows('↳ the same on slow 4G', r.slow4g, TARGETS.slow4gRatio) : []),
    ...(r.save
      ? [
          info(
            `Save pressed → saved panel (median of ${runs(r.save.runs)})`,
            timeWithSpread(r.save),
          ),
        ]
      : []),
    ...(r.input ? inputRows(r.input) : []),
    ...(r.list ? listRows(r.list) : []),
    ...(r.heap ? heapRows(r.heap) : []),
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
    (f) => `| ${label} | \`${f.file}\` | ${f.encoding} | ${kb(f.bytes)} | ${kb(f.raw)} |`,
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
