// JS heap over many saves in one page, read over the Chrome DevTools Protocol.
import { SAVE_BUTTON, SAVED_REGION, openEditor, withPage } from './scenarios.mjs';

/** V8 heap in use after two full garbage collections, in bytes. */
async function usedHeap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/**
 * Bytes of compiled code (bytecode, machine code and their metadata) and of everything else V8
 * holds, from a heap snapshot. Code grows as the engine compiles and optimises functions on first
 * use and when they get hot; that is warm-up, not data the app keeps.
 */
async function heapComposition(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const typeNames = snapshot.meta.node_types[0];
  const [typeAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('self_size')];
  let code = 0;
  let other = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = typeNames[nodes[i + typeAt]];
    // Native and synthetic nodes are the browser's own objects, outside the V8 heap.
    if (type === 'code') code += nodes[i + sizeAt];
    else if (type !== 'native' && type !== 'synthetic') other += nodes[i + sizeAt];
  }
  return { code, other };
}

/**
 * Heap in use after one save cycle, half of `cycles` and all of them. A cycle changes the URL
 * (alternating between two), saves, and waits for "Saved" and the saved URL. Heap snapshots after
 * the first and the last cycle split the growth into compiled code and the rest.
 */
export function heapOverSaves(browser, baseUrl, endpoint, { cycles, urls }) {
  return withPage(browser, async (page) => {
    await openEditor(page, baseUrl, endpoint);
    const cdp = await page.context().newCDPSession(page);
    const field = page.getByLabel('Endpoint URL', { exact: true });
    const saveButton = page.getByRole('button', { name: SAVE_BUTTON, exact: true });
    const saved = page.getByRole('status').filter({ hasText: /^Saved$/ });
    const region = page.getByRole('region', { name: SAVED_REGION });
    const cycle = async (i) => {
      const url = urls[i % urls.length];
      await field.fill(url);
      await saved.waitFor({ state: 'detached' });
      await saveButton.click();
      await saved.waitFor();
      await region.getByText(url, { exact: true }).waitFor();
    };
    const half = Math.floor(cycles / 2);
    await cycle(0);
    const afterOne = await usedHeap(cdp);
    const firstComposition = await heapComposition(cdp);
    for (let i = 1; i < half; i += 1) await cycle(i);
    const afterHalf = await usedHeap(cdp);
    for (let i = half; i < cycles; i += 1) await cycle(i);
    const afterAll = await usedHeap(cdp);
    const lastComposition = await heapComposition(cdp);
    await cdp.detach();
    return {
      afterOne,
      afterHalf,
      afterAll,
      half,
      cycles,
      codeGrowth: lastComposition.code - firstComposition.code,
      otherGrowth: lastComposition.other - firstComposition.other,
    };
  });
}
