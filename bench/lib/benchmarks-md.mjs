// BENCHMARKS.md: a fixed "How to run" part, then the latest run. The bench rewrites it whole.
import { filesTable, machineLines, markdownTable } from './report.mjs';

const HOW_TO_RUN = `# Benchmarks

## How to run

\`\`\`sh
npm run bench
\`\`\`

It builds the app (\`npm run build\`) and a baseline (React + ReactDOM rendering one line, \`bench/baseline\`, built by the same Vite and React plugin into \`dist-bench/baseline\`), measures both on this machine in headless Chromium against the real server, prints the table below and rewrites this file. It takes two to three minutes on 2 cores. The app is served by \`node dist/server/main.js\` on a loopback port with a temporary data file; the baseline by a second instance of the same server with \`STATIC_DIR\`, so both pages get the same headers.

Settings: \`CHROMIUM_PATH\` picks the browser (default \`/usr/bin/chromium\` when present, else Playwright's); \`BENCH_RUNS\` sets the timed runs per series (default 9; the input series runs at most 7). Close other heavy work first: the times share the machine with it.

Sizes are those of what \`index.html\` loads up front (module scripts, module preloads, style sheets, and the chunks they import statically), compressed with gzip level 9 and brotli quality 11. Times are taken inside the page (\`performance.now()\`, zero at navigation start), in a fresh browser context per run (empty cache), after one unmeasured warm-up run. Input events come from the Event Timing API (entries of 16 ms and more, the API's floor, plus \`first-input\`).

\`npm run check:size\` checks the sizes alone against the budgets in \`size-budget.json\` (gzip bytes), in about a second, after \`npm run build\`.`;

function busyNote({ load, cores }) {
  const busiest = Math.max(load.start, load.end);
  return busiest > cores
    ? `\n> The machine was busy during this run (load up to ${busiest.toFixed(1)} on ${cores} cores): the times are noisy. Rerun on an idle machine before comparing them.\n`
    : '';
}

export function benchmarksMarkdown(r, rows) {
  const files = [
    filesTable('app', r.sizes.app),
    filesTable('app, on demand', r.sizes.lazy),
    r.sizes.embed ? filesTable('embed', r.sizes.embed) : '',
    filesTable('baseline', r.sizes.baseline),
  ];
  return `${HOW_TO_RUN}

## Latest run

${r.date}, ${r.durationSeconds} s for the whole bench.

${machineLines(r.machine)}
${busyNote(r.machine)}
${markdownTable(rows)}

Times read "median (fastest–slowest run)". Ratios are app ÷ baseline; kB are 1,000 bytes. Targets: initial JS + CSS (gzip) at most 1.6× the baseline (aim 1.45×); the editor holding its data within 2.5× the baseline's first render; the slowest input event at most 50 ms with 1,000 event types (aim 16 ms); heap growth over 50 save cycles under 1 MB.

### What the figures are

- **Editor holds its data**: from navigation start until the "Endpoint URL" field of \`/?endpoint_id=${r.ready.endpointId}\` holds that endpoint's URL (seeded data, the emulator's catalog). **Baseline first render**: until the baseline's line is in the DOM. The same detector for both: a MutationObserver plus a frame loop.
- **Save → saved panel**: from the click on "Save changes" (the event's own time stamp) until the region "What the server saved" is in the DOM, after changing the URL; the first save of a fresh page.
- **Slowest input event**: a 1,000-type catalog (\`res000.action0\` … \`res099.action9\`) and 200 endpoints, answered by Playwright in place of \`webhook.list\` and \`endpoint.list\`; the editor of an endpoint with selected events. The URL field is selected and a ${r.input.urlLength}-character URL typed (each key held 50 ms), then ${r.input.ticks} boxes are ticked by clicking (50 ms presses). The figure is the longest entry of a run; the p95 is taken over interactions (each interaction's longest entry; one without an entry counts as under 16 ms). Slowest entry seen in any run: ${r.input.worstEntry}.
- **Heap**: \`HeapProfiler.collectGarbage\` (twice), then \`Runtime.getHeapUsage\` (used size) over CDP, after one save cycle, after ${r.heap.half} and after ${r.heap.cycles}. A cycle changes the URL (alternating between two), saves and waits for "Saved". The last ${r.heap.cycles - r.heap.half} cycles leave out the one-off costs of the first saves (code compiled on first use), so a steady rate there is what retention looks like. Heap snapshots after the first and the last cycle split the growth into compiled code (bytecode, machine code and their metadata: the engine compiling and optimising functions as they get used, which levels off) and all other JS objects (what the app keeps).

### Files

"On demand" files are the app's other chunks (dynamic \`import()\`): not part of the initial size, though their cost shows in the times.

| Build | File | Raw | Gzip | Brotli |
| --- | --- | --- | --- | --- |
${files.filter(Boolean).join('\n')}
`;
}
