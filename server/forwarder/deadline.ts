// One deadline per forwarded request, started when the forwarder receives it: waiting in the
// endpoint's queue, the version check and the write all count against it, so a save can never
// outlast KONPRO_UPSTREAM_TIMEOUT_MS (below the page's own 15 s) however many calls it makes.
export class Deadline {
  /** Aborts when the time is up. */
  readonly expired: AbortSignal;
  /** Aborts when the time is up or the client went away: nothing more is worth sending. */
  readonly abandoned: AbortSignal;
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly endsAt: number;

  constructor(
    readonly ms: number,
    private readonly client?: AbortSignal,
  ) {
    const controller = new AbortController();
    this.endsAt = performance.now() + ms;
    this.timer = setTimeout(() => controller.abort(new Error('deadline')), ms);
    this.expired = controller.signal;
    this.abandoned = client ? AbortSignal.any([client, controller.signal]) : controller.signal;
  }

  /** The client left before the time was up. */
  get clientGone(): boolean {
    return this.client?.aborted === true && !this.expired.aborted;
  }

  /**
   * Whether a write may still start. One that waited until almost no time was left would most
   * likely end in a timeout after Konpro acted, the one outcome nobody can tell apart; with less
   * than a quarter of the deadline (at most 1 s) left it is not sent at all.
   */
  mayStartWrite(): boolean {
    const reserve = Math.min(1_000, this.ms / 4);
    return !this.abandoned.aborted && this.endsAt - performance.now() >= reserve;
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}
