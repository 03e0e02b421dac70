import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emulatorHarness } from '../test-support/emulator-harness';
import { tempDataFile } from '../test-support/temp-dir';
import { EndpointStore } from './endpoint-store';
import { StoreOpenError } from './read-data-file';
import { dataFileSchema } from './stored-endpoint';
import { listContaining } from '../test-support/matchers';

async function readStored(file: string) {
  return dataFileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}

describe('EndpointStore', () => {
  it('seeds sample endpoints for demo and other into a new file, creating its folder', async () => {
    const file = await tempDataFile();
    const store = EndpointStore.open(file);
    await store.flushed();
    const stored = await readStored(file);
    expect(
      stored.endpoints.map((e) => [e.endpoint_id, e.username, e.status, e.events.length]),
    ).toEqual([
      ['ep_demo_video_status', 'demo', 'enabled', 2],
      ['ep_demo_all_events', 'demo', 'enabled', 0],
      ['ep_demo_translations', 'demo', 'disabled', 3],
      ['ep_other_team', 'other', 'enabled', 1],
    ]);
  });

  it.each(['/proc/konpro-nope/data.json', '/dev/null/konpro/data.json'])(
    'fails at once with one line when the folder of %s cannot be made',
    (file) => {
      expect(() => EndpointStore.open(file)).toThrow(StoreOpenError);
      expect(() => EndpointStore.open(file)).toThrow(
        /^cannot create the folder of KONPRO_DATA_FILE/,
      );
    },
  );

  it('removes temporary files a crash left behind, and nothing else, at start', async () => {
    const first = await emulatorHarness();
    const dir = dirname(first.file);
    const stray = ['.emulator.json.1234.0a1b2c3d.tmp', '.emulator.json.99.ffffffff.tmp'];
    const kept = ['.emulator.json.notes', 'emulator.json.1.aa.tmp', '.other.json.1.aa.tmp'];
    for (const name of [...stray, ...kept]) await writeFile(`${dir}/${name}`, 'whsec_leftover');
    EndpointStore.open(first.file);
    expect((await readdir(dir)).sort()).toEqual([...kept, 'emulator.json'].sort());
  });

  it('keeps acknowledged changes across a restart on the same file', async () => {
    const first = await emulatorHarness();
    const added = await first.call('POST', 'endpoint.add', {
      body: { url: 'https://example.com/kept', events: ['video.created'] },
    });
    await first.call('PATCH', 'endpoint.update', {
      body: { endpoint_id: 'ep_demo_video_status', events: [] },
    });
    await first.call('DELETE', 'endpoint.delete?endpoint_id=ep_demo_translations');

    const second = await emulatorHarness({ file: first.file });
    const { json } = await second.call('GET', 'endpoint.list');
    expect(json).toEqual({ data: first.store.list('demo') });
    expect(json).toMatchObject({ data: listContaining([added.json]) });
  });

  it('leaves valid JSON and no temporary files after many concurrent writes', async () => {
    const { call, file } = await emulatorHarness();
    const urls = Array.from({ length: 20 }, (_, i) => `https://example.com/hook/${i}`);
    const answers = await Promise.all(
      urls.map((url) => call('POST', 'endpoint.add', { body: { url, events: [] } })),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const stored = await readStored(file);
    expect(stored.endpoints.map((e) => e.url)).toEqual(listContaining(urls));
    expect(stored.endpoints).toHaveLength(24);
    expect(await readdir(dirname(file))).toEqual(['emulator.json']);
  });

  it('refuses a corrupt file at start and leaves it as it was', async () => {
    const file = await tempDataFile();
    await EndpointStore.open(file).flushed();
    await writeFile(file, '{"version":1,"endpoints":[');
    expect(() => EndpointStore.open(file)).toThrow(StoreOpenError);
    expect(() => EndpointStore.open(file)).toThrow(/is not valid JSON.*move it away/);
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"endpoints":[');

    await writeFile(file, '{"version":1,"endpoints":[{"endpoint_id":"x"}]}');
    expect(() => EndpointStore.open(file)).toThrow(
      /does not hold emulator data \(endpoints\.0\.url/,
    );
  });

  it('keeps the previous state when a write fails', async () => {
    const { call, store, file } = await emulatorHarness();
    await rm(dirname(file), { recursive: true });
    const failed = await call('PATCH', 'endpoint.update', {
      body: { endpoint_id: 'ep_demo_video_status', url: 'https://example.com/lost' },
    });
    expect(failed.status).toBe(500);
    await expect(store.flushed()).rejects.toThrow();
    expect(store.list('demo')[0]?.url).toBe('https://example.com/webhooks/konpro');
  });
});
