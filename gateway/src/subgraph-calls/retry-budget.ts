/**
 * Caps retries at a fraction of recent calls (plus a small floor), so that retrying cannot
 * multiply the load on a subgraph that is already struggling.
 */
export class RetryBudget {
  private calls = 0;
  private retries = 0;
  private windowStart = Date.now();

  constructor(
    private readonly ratio = 0.2,
    private readonly minPerWindow = 10,
    private readonly windowMs = 10_000,
  ) {}

  private roll(): void {
    const now = Date.now();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.calls = 0;
      this.retries = 0;
    }
  }

  recordCall(): void {
    this.roll();
    this.calls += 1;
  }

  /** Takes one retry from the budget; false when it is spent. */
  tryTake(): boolean {
    this.roll();
    if (this.retries >= Math.max(this.minPerWindow, this.calls * this.ratio)) return false;
    this.retries += 1;
    return true;
  }
}
