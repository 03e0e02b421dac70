// vitest's global setup for the server's tests: one PostgreSQL for the run, its URL provided to the
// tests as `databaseUrl` (TEST_DATABASE_URL, when set, is used instead and left running).
import type { TestProject } from 'vitest/node';
import { startCluster } from '../../scripts/postgres-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('databaseUrl', given);
    return;
  }
  const cluster = await startCluster();
  project.provide('databaseUrl', cluster.url);
  return () => cluster.stop();
}
