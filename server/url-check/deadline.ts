// One deadline over the whole check: the name lookup, the handshake and the test delivery share
// URL_CHECK_TIMEOUT_MS, however the time divides between them.

export class DeadlinePassed extends Error {
  constructor() {
    super('the check ran out of time');
    this.name = 'DeadlinePassed';
  }
}

export class Deadline {
  readonly signal: AbortSignal;

  constructor(readonly ms: number) {
    this.signal = AbortSignal.timeout(ms);
  }

  /** `promise`, or DeadlinePassed once the time is up; what it was waiting for is not stopped. */
  race<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const abort = () => reject(new DeadlinePassed());
      if (this.signal.aborted) abort();
      this.signal.addEventListener('abort', abort, { once: true });
      promise.then(resolve, reject).finally(() => this.signal.removeEventListener('abort', abort));
    });
  }

  /** Calls `stop` when the time is up (at once if it is); the returned function forgets it. */
  onExpiry(stop: () => void): () => void {
    if (this.signal.aborted) {
      stop();
      return () => undefined;
    }
    this.signal.addEventListener('abort', stop, { once: true });
    return () => this.signal.removeEventListener('abort', stop);
  }
}
