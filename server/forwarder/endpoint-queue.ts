// Konpro has no version check, so two writes to one endpoint that overlap could each read the old
// state. Writes through this server to one endpoint run one after another (the check and the write
// of each inside one turn); writes to different endpoints still run side by side.
export class EndpointQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(endpointId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(endpointId) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(endpointId, tail);
    // The map holds only endpoints with writes in flight.
    void tail.then(() => {
      if (this.tails.get(endpointId) === tail) this.tails.delete(endpointId);
    });
    return result;
  }

  get size(): number {
    return this.tails.size;
  }
}
