// Reading the data file at start. A file that cannot be used is a start-up error with one clear
// line, never silently replaced: it may hold the only copy of someone's test endpoints.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { dataFileSchema, type StoredEndpoint } from './stored-endpoint';

export class StoreOpenError extends Error {}

const ADVICE = 'fix it, or move it away to start again with sample endpoints';

/** The stored endpoints, or undefined when there is no file yet (its directory is created). */
export function readDataFile(file: string): StoredEndpoint[] | undefined {
  try {
    makeDirectory(dirname(file));
  } catch (error) {
    throw new StoreOpenError(
      `cannot create the folder of KONPRO_DATA_FILE ${file}: ${reason(error)}`,
    );
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreOpenError(`cannot read KONPRO_DATA_FILE ${file}: ${reason(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StoreOpenError(
      `KONPRO_DATA_FILE ${file} is not valid JSON (${reason(error)}); ${ADVICE}`,
    );
  }
  const parsed = dataFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the top level';
    throw new StoreOpenError(
      `KONPRO_DATA_FILE ${file} does not hold emulator data (${where}: ${issue?.message}); ${ADVICE}`,
    );
  }
  return parsed.data.endpoints;
}

/**
 * `mkdirSync(dir, { recursive: true })` never returns for some folders it cannot create (under
 * /proc, where mkdir answers ENOENT however often it is asked): one level at a time fails at once.
 */
function makeDirectory(dir: string): void {
  try {
    if (statSync(dir).isDirectory()) return;
    throw new Error(`${dir} is not a folder`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const parent = dirname(dir);
  if (parent !== dir) makeDirectory(parent);
  mkdirSync(dir);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
