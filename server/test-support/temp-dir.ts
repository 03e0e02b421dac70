// Every test that touches the disk gets its own folder in the OS temp dir, removed when it ends.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'konpro-server-test-'));
  // Retries cover a data-file write that is still finishing when the test ends.
  onTestFinished(() => rm(dir, { recursive: true, force: true, maxRetries: 5 }));
  return dir;
}

export async function tempDataFile(): Promise<string> {
  return join(await tempDir(), 'data', 'emulator.json');
}
