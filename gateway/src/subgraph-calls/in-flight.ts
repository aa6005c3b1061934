/**
 * Identical subgraph calls in flight at the same time, answered by one HTTP request. The gateway
 * shares a call only when its answer cannot depend on the caller (see `shareable` in
 * gateway.ts): a query fetch of an operation that selects public fields only. Each sharer gets
 * its own copy of the answer (`copy`), because the gateway's executor merges into the objects
 * it gets.
 */
export class InFlightCalls<T> {
  private readonly pending = new Map<string, Promise<T>>();
  private shared = 0;

  constructor(private readonly copy: (value: T) => T) {}

  /** Calls made for another caller's identical request (for metrics and tests). */
  get sharedCalls(): number {
    return this.shared;
  }

  async run(key: string, call: () => Promise<T>): Promise<T> {
    const running = this.pending.get(key);
    if (running) {
      this.shared += 1;
      return this.copy(await running);
    }
    const started = call();
    this.pending.set(key, started);
    try {
      return await started;
    } finally {
      this.pending.delete(key);
    }
  }
}
