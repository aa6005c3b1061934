/**
 * Wakes the `GET /supergraph?after=` long-polls held by this process when the current version
 * changes here. Other registry processes on the same database are noticed by the handlers'
 * periodic re-read (see routes/supergraph.ts).
 */
export class VersionNotifier {
  private waiters = new Set<() => void>();
  private closed = false;

  /** Resolves on the next notify, after `ms`, or at close, whichever comes first. */
  wait(ms: number, signal?: AbortSignal): Promise<void> {
    if (this.closed || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Releases every waiter; later waits return at once (shutdown). */
  close(): void {
    this.closed = true;
    this.notify();
  }
}

/** Runs tasks one at a time: publishes and rollbacks must see each other's versions. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
