// The URL check behind `endpoint.check`: is a URL ready for deliveries? The name is resolved once
// and every address judged (resolve-target.ts); the handshake goes to a judged address and is
// described (tls-handshake.ts, certificate-findings.ts); a sample delivery of the chosen event
// type goes over that same connection (test-delivery.ts). One deadline covers all of it.
//
// This folder knows nothing of the forwarder, the emulator or sign-in: it takes a URL and a
// delivery and answers what it found.
import {
  URL_CHECK_TIMEOUT_MS,
  type UrlCheckAnswer,
  type UrlCheckTls,
} from '../../contract/url-check';
import type { SampleDelivery } from '../../contract/event-samples';
import { certificateFindings } from './certificate-findings';
import { Deadline, DeadlinePassed } from './deadline';
import { handshake } from './tls-handshake';
import { type Lookup, resolveTarget, systemLookup } from './resolve-target';
import { deliver, statusProblem } from './test-delivery';

export interface UrlCheckOptions {
  /** KONPRO_CHECK_ALLOW_LOOPBACK=1: a receiver on this machine may be checked. Default false. */
  allowLoopback?: boolean;
  /**
   * The certificates trusted, in place of Node's store plus NODE_EXTRA_CA_CERTS (which is read at
   * process start): tests add their throwaway CA this way.
   */
  ca?: readonly string[];
  /** The name lookup; the system's resolver by default. */
  lookup?: Lookup;
  /** For the whole check; URL_CHECK_TIMEOUT_MS (5 s) by default. */
  timeoutMs?: number;
  /** The clock certificates expire by, in ms. */
  now?: () => number;
}

export interface UrlCheckInput {
  /** An https URL the webhook URL rule admitted (contract/webhook-url.ts). */
  url: string;
  delivery: SampleDelivery;
}

export type UrlChecker = (input: UrlCheckInput) => Promise<UrlCheckAnswer>;

export function createUrlChecker(options: UrlCheckOptions = {}): UrlChecker {
  const lookup = options.lookup ?? systemLookup;
  const allowLoopback = options.allowLoopback ?? false;
  const timeoutMs = options.timeoutMs ?? URL_CHECK_TIMEOUT_MS;
  const now = options.now ?? Date.now;

  return async ({ url: input, delivery }) => {
    const url = new URL(input);
    const deadline = new Deadline(timeoutMs);
    let tls: UrlCheckTls | null = null;
    const answer = (
      problem: string | null,
      more: Partial<UrlCheckAnswer> = {},
    ): UrlCheckAnswer => ({
      ok: problem === null,
      tls,
      delivery: null,
      problem,
      warnings: [],
      ...more,
    });
    try {
      const target = await resolveTarget(url.hostname, { lookup, allowLoopback }, deadline);
      if (!target.ok) return answer(target.problem);
      const port = Number(url.port || 443);
      const shaken = await handshake(
        { hostname: url.hostname, port, addresses: target.addresses },
        options.ca,
        deadline,
      );
      tls = shaken.tls;
      if (!shaken.ok) return answer(shaken.problem);
      const { problem, warnings } = certificateFindings(shaken.tls, shaken, now());
      if (problem !== null) {
        // Konpro would not deliver over this connection, so neither does the check.
        shaken.socket.destroy();
        return answer(problem, { warnings });
      }
      const sent = await deliver(shaken.socket, url, JSON.stringify(delivery), deadline);
      if (!sent.ok) return answer(sent.problem, { warnings });
      return answer(statusProblem(sent.delivery.status), { delivery: sent.delivery, warnings });
    } catch (error) {
      if (!(error instanceof DeadlinePassed)) throw error;
      return answer(`it did not answer within ${Math.round(timeoutMs / 1000)} s`);
    }
  };
}
