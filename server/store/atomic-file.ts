// The data file holds webhook secrets and must never be left half written: each write goes to a
// temporary file in the same directory (so the rename stays on one file system), is flushed to disk,
// then renamed over the old file, which is atomic on POSIX file systems.
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * A crash between writing a temporary file and renaming it leaves the temporary file behind, with a
 * full copy of the secrets. At start nothing else writes the data file, so every one is stray.
 */
export function removeStrayTempFiles(file: string): string[] {
  const prefix = `.${basename(file)}.`;
  const isTemp = (name: string) =>
    name.startsWith(prefix) && /^\d+\.[0-9a-f]+\.tmp$/.test(name.slice(prefix.length));
  const dir = dirname(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const stray = names.filter(isTemp);
  for (const name of stray) rmSync(join(dir, name), { force: true });
  return stray;
}

// Makes the rename itself durable. Some platforms (Windows) cannot open a directory; the rename is
// still atomic there, only its durability after a power cut is weaker.
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort, see above
  }
}

/** Runs tasks one after another, so two requests can never interleave their read-modify-write. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
