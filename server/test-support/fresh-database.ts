// A new, empty database on the test run's PostgreSQL (postgres-setup.ts), dropped when the test
// file ends, so tests never see each other's rows.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, inject } from 'vitest';

export async function freshDatabase(): Promise<string> {
  const url = new URL(inject('databaseUrl'));
  const admin = postgres(url.href, { max: 1, onnotice: () => undefined });
  const name = `konpro_test_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`create database ${name}`);
  afterAll(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  });
  url.pathname = `/${name}`;
  return url.href;
}
