// BENCHMARKS.md: a fixed "How to run" part, then the latest run. The bench rewrites it whole.
import { filesTable, machineLines, markdownTable } from './report.mjs';

const HOW_TO_RUN = `# Benchmarks

## How to run

\`\`\`sh
npm run bench
\`\`\`

It builds the app (\`npm run build\`) and a baseline (React + ReactDOM rendering one line, \`bench/baseline\`, built by the same Vite and React plugin, and precompressed alike, into \`dist-bench/baseline\`), measures both on this machine in headless Chromium against the real server, prints the table below and rewrites this file. It takes three to four minutes on 2 cores. The app is served by \`node dist/server/main.js\` on a free loopback port with a temporary data file; the baseline by a second instance of the same server with \`STATIC_DIR\`, so both pages get the same headers and the same compression.

Settings: \`CHROMIUM_PATH\` picks the browser (default \`/usr/bin/chromium\` when present, else Playwright's); \`BENCH_RUNS\` sets the timed runs per series (default 9; the input and list series run at most 7); \`BENCH_SERIES\` (e.g. \`ready,slow4g\`; also \`save\`, \`input\`, \`list\`, \`heap\`) runs only those series plus the sizes and prints them without touching this file. Close other heavy work first: the times share the machine with it.

Sizes are what the server sends: each file is requested over HTTP with a browser's \`Accept-Encoding\` (\`gzip, deflate, br, zstd\`, as Chromium sends it), and counted by the \`Content-Length\` of the answer, so a file the server fails to compress counts in full. A page's initial bytes are its HTML plus what the HTML loads up front (module scripts, module preloads, style sheets, and the chunks they import statically). Times are taken inside the page (\`performance.now()\`, zero at navigation start), in a fresh browser context per run (empty cache), after one unmeasured warm-up run. Input events come from the Event Timing API (entries of 16 ms and more, the API's floor, plus \`first-input\`).

\`npm run check:size\` (part of \`npm test\` and CI) starts the built server and checks the same bytes as served against the budgets in \`size-budget.json\`, in a few seconds, after \`npm run build\`.`;

function busyNote({ load, cores }) {
  const busiest = Math.max(load.start, load.end);
  return busiest > cores
    ? `\n> The machine was busy during this run (load up to ${busiest.toFixed(1)} on ${cores} cores): the times are noisy. Rerun on an idle machine before comparing them.\n`
    : '';
}

export function benchmarksMarkdown(r, rows) {
  const files = [
    filesTable('app, list page', r.sizes.app),
    filesTable('app, deep link', r.sizes.deepLink),
    filesTable('app, after idle', r.sizes.lazy),
    r.sizes.embed ? filesTable('embed', r.sizes.embed.browser) : '',
    filesTable('baseline', r.sizes.baseline),
    filesTable('API', r.sizes.api),
  ];
  return `${HOW_TO_RUN}

## Latest run

${r.date}, ${r.durationSeconds} s for the whole bench.

${machineLines(r.machine)}
${busyNote(r.machine)}
${markdownTable(rows)}

Times read "median (fastest–slowest run)". Ratios are app ÷ baseline; kB are 1,000 bytes. Targets: the list page's initial bytes on the wire at most 1.45× the baseline's; the editor holding its data within 2× the baseline's first render, unthrottled (aim 1.5×) and on slow 4G; the slowest input event at most 50 ms (aim 16 ms); JS heap growth other than compiled code under 64 kB over 50 save cycles.

### What the figures are

- **Initial bytes on the wire**: the list page \`/\` as a first visit downloads it before anything runs, read from the server as above. The deep link \`/?endpoint_id=\` gets a page that also preloads the editor's chunk (it needs it at once); the list page loads that chunk once the page has loaded and the browser is idle. The gzip-only and uncompressed rows are the same pages asked for with \`Accept-Encoding: gzip\` and \`identity\`. API answers are counted apart: the baseline has none.
- **Editor holds its data**: from navigation start until the "Endpoint URL" field of \`/?endpoint_id=${r.ready?.endpointId ?? 'ep_demo_video_status'}\` holds that endpoint's URL (seeded data, the emulator's catalog). **Baseline first render**: until the baseline's line is in the DOM. The same detector for both: a MutationObserver plus a frame loop. **Bytes received by then**: the \`transferSize\` of the document and every resource (headers included) when the detector fired.
- **On slow 4G**: the same, with Chromium's network emulation set to Lighthouse's mobile profile (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up; \`Network.emulateNetworkConditions\`), which throttles the bytes as they arrive, compressed. No CPU slowdown.
- **Save → saved panel**: from the click on "Save changes" (the event's own time stamp) until the region "What the server saved" is in the DOM, after changing the URL; the first save of a fresh page.
- **Slowest input event**: a 1,000-type catalog (\`res000.action0\` … \`res099.action9\`) and 200 endpoints, answered by Playwright in place of \`webhook.list\` and \`endpoint.list\`; the editor of an endpoint with selected events, every group opened with **Expand all groups** first. The URL field is selected and a ${r.input?.urlLength ?? 31}-character URL typed (each key held 50 ms), then ${r.input?.ticks ?? 20} boxes are ticked by clicking (50 ms presses). The figure is the longest entry of a run; the p95 is taken over interactions (each interaction's longest entry; one without an entry counts as under 16 ms). Slowest entry seen in any run: ${r.input?.worstEntry ?? 'not measured'}.
- **List of 500 endpoints**: \`endpoint.list\` answered by Playwright with 500 endpoints; from navigation start until the page says "500 endpoints" (the count and the first 100 rows appear in the same frame; more are drawn on demand), then \`hooks49\` is typed into "Search endpoints", which searches all 500 (50 ms per key), and the slowest Event Timing entry of the typing is the figure.
- **Heap**: the endpoint has 22 changes recorded before the page opens (its add and 21 updates), so its History shows a full page of 20 entries (and Show more) after the first save as after the last: the growth is what each save leaves behind, not what the page shows. After one save cycle and after ${r.heap?.cycles ?? 50} (a cycle changes the URL, alternating between two, saves and waits for "Saved"), a heap snapshot over CDP splits V8's heap into compiled code (bytecode, machine code and their metadata) and all other JS objects. The target is on the other objects: what the app keeps. Compiled code grows as the engine compiles and optimises functions on first use and when they get hot, which is warm-up rather than retention, so it is reported, not judged. The used-heap rows are \`Runtime.getHeapUsage\` after two forced garbage collections, after 1, ${r.heap?.half ?? 25} and ${r.heap?.cycles ?? 50} cycles. The same cycles on a new endpoint, with nothing recorded yet, are reported beside it and not judged: its History grows from one entry to its 20, a bounded cost of what the page shows, not something kept per save. (Until this change the bench judged that run; it failed at +91.7 kB with nothing leaking.)

### Files

As served to a browser: the encoding the server chose, the bytes on the wire, and the file's own size.

| Page | File | Encoding | On the wire | Raw |
| --- | --- | --- | --- | --- |
${files.filter(Boolean).join('\n')}
`;
}
