// A throwaway certificate authority made with openssl for one test run, and certificates it signs
// (or that sign themselves) for HTTPS servers the tests stand up: real TLS, with real verdicts on
// trust, names and expiry. Nothing here is trusted outside the test that made it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyPair {
  key: string;
  cert: string;
}

export interface IssueOptions {
  /** How long it is valid from now; a negative count makes one that has expired. Default 2. */
  days?: number;
  /** `rsa:1024` for a key too weak for SSL security level 2; an EC P-256 key by default. */
  key?: string;
}

export interface TestCa {
  /** The CA's certificate (PEM), to trust. */
  caPem: string;
  /** The same, as a file (for NODE_EXTRA_CA_CERTS). */
  caFile: string;
  /** A certificate for `names` (host names or IP addresses), signed by the CA. */
  issue(names: readonly string[], options?: IssueOptions): KeyPair;
  /** A certificate for `names` that signs itself. */
  selfSigned(names: readonly string[]): KeyPair;
  /** Removes the CA's folder and keys. */
  remove(): void;
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
const SERVER_EXTENSIONS =
  'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n';

export function createTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'konpro-test-ca-'));
  const file = (name: string) => join(dir, name);
  let serial = 0;

  openssl(
    'req',
    '-x509',
    ...EC_KEY,
    ...['-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2'],
    ...['-subj', '/CN=Konpro editor test CA'],
    ...['-addext', 'basicConstraints=critical,CA:TRUE'],
    ...['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
  );

  const request = (names: readonly string[]) => {
    serial += 1;
    const base = file(`server-${serial}`);
    writeFileSync(`${base}.ext`, `subjectAltName=${altNames(names)}\n${SERVER_EXTENSIONS}`);
    return base;
  };
  const pair = (base: string): KeyPair => ({
    key: readFileSync(`${base}.key`, 'utf8'),
    cert: readFileSync(`${base}.pem`, 'utf8'),
  });

  return {
    caPem: readFileSync(file('ca.pem'), 'utf8'),
    caFile: file('ca.pem'),
    issue(names, { days = 2, key } = {}) {
      const base = request(names);
      const newKey = key === undefined ? EC_KEY : ['-newkey', key, '-nodes'];
      openssl('req', ...newKey, '-keyout', `${base}.key`, '-out', `${base}.csr`, ...subject(names));
      openssl(
        'x509',
        '-req',
        ...['-in', `${base}.csr`, '-CA', file('ca.pem'), '-CAkey', file('ca.key')],
        ...['-set_serial', String(1000 + serial), '-out', `${base}.pem`],
        // A negative count puts the end before the start, now: a certificate that has expired.
        ...['-days', String(days), '-extfile', `${base}.ext`],
      );
      return pair(base);
    },
    selfSigned(names) {
      const base = request(names);
      openssl(
        'req',
        '-x509',
        ...EC_KEY,
        ...['-keyout', `${base}.key`, '-out', `${base}.pem`, '-days', '2', ...subject(names)],
        ...['-extensions', 'v3_req', '-config', config(base, names)],
      );
      return pair(base);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function subject(names: readonly string[]): string[] {
  return ['-subj', `/CN=${names[0] ?? 'test'}`];
}

function altNames(names: readonly string[]): string {
  return names.map((name) => `${isIP(name) === 0 ? 'DNS' : 'IP'}:${name}`).join(',');
}

/** `req -x509` takes its extensions from a config file. */
function config(base: string, names: readonly string[]): string {
  const path = `${base}.cnf`;
  writeFileSync(
    path,
    '[req]\ndistinguished_name=dn\n[dn]\n[v3_req]\n' +
      `subjectAltName=${altNames(names)}\n${SERVER_EXTENSIONS}`,
  );
  return path;
}

function openssl(...args: string[]): Buffer {
  try {
    return execFileSync('openssl', args, { stdio: 'pipe' });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8').trim() ?? '';
    throw new Error(
      missing
        ? 'The TLS tests make a throwaway CA with openssl: install it (apt-get install openssl)'
        : `openssl ${args[0] ?? ''} failed: ${stderr}`,
      { cause: error },
    );
  }
}
