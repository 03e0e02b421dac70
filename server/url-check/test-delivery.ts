// The test delivery: one POST over the connection whose handshake was just judged, so it reaches
// the address that was checked. No redirect is followed (node:http never does), and of the
// answer only the status and the time are kept: its headers may take 16 KB, its body is read up
// to 16 KB (so a receiver that answers while still reading is not cut off) and never stored.
import { request } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { UrlCheckDelivery } from '../../contract/url-check';
import { type Deadline, DeadlinePassed } from './deadline';

export const MAX_ANSWER_BYTES = 16 * 1024;

export type DeliveryResult =
  { ok: true; delivery: UrlCheckDelivery } | { ok: false; problem: string };

export function deliver(
  socket: TLSSocket,
  url: URL,
  body: string,
  deadline: Deadline,
): Promise<DeliveryResult> {
  const payload = Buffer.from(body);
  return new Promise<DeliveryResult>((resolve, reject) => {
    let answered: UrlCheckDelivery | null = null;
    let settled = false;
    const settle = (result: DeliveryResult | DeadlinePassed) => {
      if (settled) return;
      settled = true;
      forget();
      socket.destroy();
      if (result instanceof DeadlinePassed) reject(result);
      else resolve(result);
    };
    const startedAt = performance.now();
    const sent = request(
      {
        createConnection: () => socket,
        method: 'POST',
        path: `${url.pathname}${url.search}`,
        headers: {
          host: url.host,
          'content-type': 'application/json',
          'content-length': String(payload.byteLength),
          'user-agent': 'konpro-webhook-editor (URL check)',
          connection: 'close',
        },
        maxHeaderSize: MAX_ANSWER_BYTES,
      },
      (answer) => {
        const delivery = {
          status: answer.statusCode ?? 0,
          ms: Math.round(performance.now() - startedAt),
        };
        answered = delivery;
        let read = 0;
        answer.on('data', (chunk: Buffer) => {
          read += chunk.byteLength;
          if (read >= MAX_ANSWER_BYTES) settle({ ok: true, delivery });
        });
        answer.on('end', () => settle({ ok: true, delivery }));
        answer.on('error', () => settle({ ok: true, delivery }));
      },
    );
    // An answer whose status came in time counts, however long its body takes.
    const forget = deadline.onExpiry(() =>
      settle(answered ? { ok: true, delivery: answered } : new DeadlinePassed()),
    );
    sent.on('error', (error: NodeJS.ErrnoException) =>
      settle(
        answered
          ? { ok: true, delivery: answered }
          : { ok: false, problem: failedDelivery(error.code ?? '') },
      ),
    );
    sent.end(payload);
  });
}

/** What an answered delivery's status means; null for a 2xx. */
export function statusProblem(status: number): string | null {
  if (status >= 200 && status <= 299) return null;
  if ([301, 302, 303, 307, 308].includes(status)) {
    return `it redirects to another address (HTTP ${status}): deliveries do not follow redirects`;
  }
  return `it answered HTTP ${status}`;
}

function failedDelivery(code: string): string {
  if (code === 'HPE_HEADER_OVERFLOW') return 'its answer’s headers are larger than 16 KB';
  if (code.startsWith('HPE_')) return 'its answer is not HTTP';
  return 'it closed the connection without answering';
}
