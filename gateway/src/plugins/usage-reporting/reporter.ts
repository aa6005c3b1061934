import type { Logger } from '../../../../subgraphs/kit/logger';
import type { UsedCoordinate } from './field-usage';

/** What the reporter keeps of one operation between two reports. */
interface Pending {
  operationName: string | null;
  signature: string;
  coordinates: UsedCoordinate[];
  clients: Map<string, number>;
}

export interface UsageReporterOptions {
  /** The registry's base URL (REGISTRY_URL). */
  registryUrl: string;
  /** The gateway's registry token. */
  token: string;
  /** Milliseconds between reports; default 5000. */
  intervalMs?: number;
  /** Distinct operations kept between reports; default 1000. Beyond that, executions of new operations are dropped (and counted). */
  maxOperations?: number;
  /** Milliseconds a report may take before it is abandoned; default 5000. */
  timeoutMs?: number;
  log: Logger;
}

/**
 * Collects executed operations in memory and sends them to the registry in batches. Recording
 * is a map update (never I/O, never waits); a report that fails is dropped, not retried, so
 * memory stays bounded while the registry is down.
 */
export class UsageReporter {
  private pending = new Map<string, Pending>();
  private timer?: NodeJS.Timeout;
  private failing = false;
  private sending?: Promise<void>;
  /** Executions not recorded because the buffer was full (since start). */
  dropped = 0;
  /** Operations in reports the registry accepted (since start). */
  reported = 0;

  constructor(private readonly options: UsageReporterOptions) {}

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.options.intervalMs ?? 5_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Counts one execution. */
  record(hash: string, operation: { operationName: string | null; signature: string; coordinates: UsedCoordinate[] }, client: string): void {
    let entry = this.pending.get(hash);
    if (!entry) {
      if (this.pending.size >= (this.options.maxOperations ?? 1_000)) {
        this.dropped += 1;
        return;
      }
      entry = { ...operation, clients: new Map() };
      this.pending.set(hash, entry);
    }
    entry.clients.set(client, (entry.clients.get(client) ?? 0) + 1);
  }

  /** Distinct operations waiting for the next report. */
  get size(): number {
    return this.pending.size;
  }

  /** Sends what has been collected (one report at a time). */
  flush(): Promise<void> {
    if (this.sending || this.pending.size === 0) return this.sending ?? Promise.resolve();
    const batch = this.pending;
    this.pending = new Map();
    this.sending = this.send(batch).finally(() => {
      this.sending = undefined;
    });
    return this.sending;
  }

  private async send(batch: Map<string, Pending>): Promise<void> {
    const operations = [...batch.values()].map((p) => ({
      operationName: p.operationName,
      signature: p.signature,
      coordinates: p.coordinates,
      clients: [...p.clients].slice(0, 50).map(([client, count]) => ({ client, count })),
    }));
    try {
      const response = await fetch(`${this.options.registryUrl.replace(/\/+$/, '')}/usage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
        body: JSON.stringify({ operations }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.reported += operations.length;
      if (this.failing) this.options.log.info('usage reports reach the registry again');
      this.failing = false;
    } catch (error) {
      // One warning per outage; the batch is dropped.
      if (!this.failing) this.options.log.warn({ err: error, dropped: operations.length }, 'usage report not delivered to the registry; dropping reports until it answers');
      this.failing = true;
    }
  }
}
