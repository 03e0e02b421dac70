// Every timed series of the bench, run in one browser against the app's and the baseline's
// servers, reduced to medians and spreads.
import { summariseInputRun } from './input-events.mjs';
import { heapOverSaves } from './heap.mjs';
import { listSearch } from './list-scenario.mjs';
import { SLOW_4G, baselineReady, editorReady, inputLatency, saveToPanel } from './scenarios.mjs';
import { max, median, min } from './stats.mjs';

const HEAP_CYCLES = 50;
/** Entries the History shows at first (HISTORY_PAGE in src/features/history/history.tsx). */
const HISTORY_PAGE = 20;
const TICKS = 20;
const TYPED_URL = 'https://hooks.bench.example/k42'; // 31 characters
const BASELINE_TEXT = 'Baseline rendered';
export const LOAD_ENDPOINT_ID = 'ep_demo_video_status';

const series = (values) => ({
  runs: values.length,
  median: median(values),
  min: min(values),
  max: max(values),
});

async function api(baseUrl, method, path, body) {
  const response = await fetch(`${baseUrl}/api/v1/webhook/${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
  const json = await response.json();
  return json.data ?? json;
}

/**
 * Start-up of the editor and of the baseline, alternating so a slow patch hits both alike; with
 * `network`, on that emulated network.
 */
async function startUp(browser, { appUrl, baselineUrl, runs, log }, endpoint, network) {
  const label = network ? 'on slow 4G' : 'unthrottled';
  log(`start-up ${label}: 1 warm-up + ${runs} runs each of the editor and the baseline`);
  const app = [];
  const baseline = [];
  for (let i = -1; i < runs; i += 1) {
    const a = await editorReady(browser, appUrl, endpoint, { network });
    const b = await baselineReady(browser, baselineUrl, BASELINE_TEXT, { network });
    if (i >= 0) {
      app.push(a);
      baseline.push(b);
    }
  }
  const summary = (list) => ({
    ...series(list.map((run) => run.ms)),
    bytes: median(list.map((run) => run.bytes)),
    firstPaint: median(list.map((run) => run.firstPaint)),
  });
  return {
    app: summary(app),
    baseline: summary(baseline),
    endpointId: LOAD_ENDPOINT_ID,
  };
}

async function list(browser, { appUrl, runs, log }) {
  const count = Math.min(runs, 7);
  log(`list of 500 endpoints, searching: ${count} runs`);
  const results = [];
  for (let i = 0; i < count; i += 1) results.push(await listSearch(browser, appUrl));
  const searched = results.filter((result) => result.search !== null);
  const summaries = searched.map((result) =>
    summariseInputRun({ typing: result.search, ticking: { entries: [], interactions: 0 } }),
  );
  return {
    runs: count,
    shown: series(results.map((result) => result.shownMs)),
    search:
      summaries.length === 0
        ? null
        : {
            max: median(summaries.map((summary) => summary.max)),
            worstMax: max(summaries.map((summary) => summary.max)),
            p95: median(summaries.map((summary) => summary.p95)),
          },
  };
}

async function saves(browser, { appUrl, runs, log }, endpoint) {
  log(`save → saved panel: 1 warm-up + ${runs} runs`);
  const times = [];
  for (let i = -1; i < runs; i += 1) {
    const url = `https://save-${i + 2}.bench.example.com/hooks`;
    const time = await saveToPanel(browser, appUrl, endpoint, url);
    endpoint.url = url;
    if (i >= 0) times.push(time);
  }
  return series(times);
}

async function inputs(browser, { appUrl, runs, log }) {
  // A run takes about 10 s here; 7 is the least the issue allows for a median.
  const count = Math.min(runs, 7);
  log(`input latency with 1,000 event types: ${count} runs`);
  const summaries = [];
  for (let i = 0; i < count; i += 1) {
    const run = await inputLatency(browser, appUrl, { url: TYPED_URL, ticks: TICKS });
    summaries.push(summariseInputRun(run));
  }
  const medianOf = (key) => median(summaries.map((summary) => summary[key]));
  const worst = summaries
    .map((summary) => summary.worst)
    .filter(Boolean)
    .sort((a, b) => b.duration - a.duration)[0];
  return {
    runs: count,
    max: medianOf('max'),
    worstMax: max(summaries.map((summary) => summary.max)),
    p95: medianOf('p95'),
    typingMax: medianOf('typingMax'),
    tickingMax: medianOf('tickingMax'),
    interactions: summaries[0].interactions,
    urlLength: TYPED_URL.length,
    ticks: TICKS,
    worstEntry: worst
      ? `\`${worst.name}\`, ${Math.round(worst.duration)} ms: input delay ` +
        `${Math.round(worst.inputDelay)} ms, event handlers in that frame ` +
        `${Math.round(worst.handlers)} ms, the other ${Math.round(worst.rest)} ms rendering ` +
        'or other main-thread work before the next paint'
      : 'none over 16 ms',
  };
}

/** Every series, or those named in `only` (a set of names; see SERIES in scripts/bench.mjs). */
export async function measureInBrowser(browser, options) {
  const wanted = (name) => !options.only || options.only.has(name);
  const add = (url) =>
    api(options.appUrl, 'POST', 'endpoint.add', { url, events: ['video.completed'] });
  const endpoints = await api(options.appUrl, 'GET', 'endpoint.list');
  const loaded = endpoints.find((candidate) => candidate.endpoint_id === LOAD_ENDPOINT_ID);
  if (!loaded) throw new Error(`the seeded endpoint ${LOAD_ENDPOINT_ID} is missing`);

  const results = {};
  if (wanted('ready')) results.ready = await startUp(browser, options, loaded);
  if (wanted('slow4g')) results.slow4g = await startUp(browser, options, loaded, SLOW_4G);
  if (wanted('save')) {
    const saveTarget = await add('https://save.bench.example.com/hooks');
    results.save = await saves(browser, options, saveTarget);
  }
  if (wanted('input')) results.input = await inputs(browser, options);
  if (wanted('list')) results.list = await list(browser, options);
  if (wanted('heap')) {
    options.log(`heap over ${HEAP_CYCLES} save cycles`);
    const urls = [
      'https://heap-a.bench.example.com/hooks',
      'https://heap-b.bench.example.com/hooks',
    ];
    // The History shows an endpoint's newest 20 changes: with a page of them already recorded, the
    // page shows as much after the first save as after the last, and what grows is what is kept.
    const heapTarget = await add('https://heap.bench.example.com/hooks');
    for (let n = 0; n <= HISTORY_PAGE; n += 1) {
      heapTarget.url = `https://heap-${n}.bench.example.com/hooks`;
      await api(options.appUrl, 'PATCH', 'endpoint.update', {
        endpoint_id: heapTarget.endpoint_id,
        url: heapTarget.url,
      });
    }
    results.heap = await heapOverSaves(browser, options.appUrl, heapTarget, {
      cycles: HEAP_CYCLES,
      urls,
    });
    // A new endpoint's History fills as it is saved: bounded, reported apart.
    const newTarget = await add('https://heap-new.bench.example.com/hooks');
    results.heap.newEndpointGrowth = (
      await heapOverSaves(browser, options.appUrl, newTarget, { cycles: HEAP_CYCLES, urls })
    ).otherGrowth;
  }
  return results;
}
