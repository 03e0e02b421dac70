// Konpro has no version check, so two writes to one endpoint that overlap could each read the old
// state. Writes through this server to one endpoint run one after another (the check and the write
// of each inside one turn); writes to different endpoints still run side by side. A write whose
// request was abandoned while it waited (its deadline passed, its client went away) gives up its
// place at once and its task never runs: nobody would read the answer, and a change sent later
// than its sender can know of is one nobody asked for any more.
export const ABANDONED = Symbol('abandoned');

export class EndpointQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(
    endpointId: string,
    task: () => Promise<T>,
    abandoned: AbortSignal,
  ): Promise<T | typeof ABANDONED> {
    const previous = this.tails.get(endpointId) ?? Promise.resolve();
    let started = false;
    const turn = async () => {
      if (abandoned.aborted) return ABANDONED;
      started = true;
      return task();
    };
    const result = previous.then(turn, turn);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(endpointId, tail);
    // The map holds only endpoints with writes in flight.
    void tail.then(() => {
      if (this.tails.get(endpointId) === tail) this.tails.delete(endpointId);
    });
    // Once its turn has begun the task answers for itself (it watches the same signal).
    const gaveUp = new Promise<typeof ABANDONED>((resolve) => {
      if (abandoned.aborted) return resolve(ABANDONED);
      const onAbort = () => {
        if (!started) resolve(ABANDONED);
      };
      abandoned.addEventListener('abort', onAbort, { once: true });
      void tail.then(() => abandoned.removeEventListener('abort', onAbort));
    });
    return Promise.race([result, gaveUp]);
  }

  get size(): number {
    return this.tails.size;
  }
}
