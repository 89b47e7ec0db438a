export interface CircuitOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before letting one trial through. */
  openMs: number;
}

export interface CircuitState {
  state: 'closed' | 'open' | 'half-open';
  consecutiveFailures: number;
  openedAt: string | null;
}

interface Entry {
  failures: number;
  openedAt: number | null;
  trialInFlight: boolean;
}

/**
 * One circuit per commune: after repeated failures the hub stops calling a commune for a
 * while, so that a dead node costs nothing but one error per request.
 */
export class CircuitBreaker {
  private readonly entries = new Map<string, Entry>();
  constructor(
    private readonly options: CircuitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** May we call this commune now? Half-open lets a single trial call through. */
  allow(commune: string): boolean {
    const entry = this.entries.get(commune);
    if (!entry || entry.openedAt === null) return true;
    if (this.now() - entry.openedAt < this.options.openMs) return false;
    if (entry.trialInFlight) return false;
    entry.trialInFlight = true;
    return true;
  }

  succeeded(commune: string): void {
    this.entries.delete(commune);
  }

  /** A call stopped for the caller's sake says nothing of the commune: a trial may go again. */
  abandoned(commune: string): void {
    const entry = this.entries.get(commune);
    if (entry) entry.trialInFlight = false;
  }

  failed(commune: string): void {
    const entry = this.entries.get(commune) ?? {
      failures: 0,
      openedAt: null,
      trialInFlight: false,
    };
    entry.failures += 1;
    entry.trialInFlight = false;
    if (entry.failures >= this.options.failureThreshold) entry.openedAt = this.now();
    this.entries.set(commune, entry);
  }

  stateOf(commune: string): CircuitState {
    const entry = this.entries.get(commune);
    if (!entry) return { state: 'closed', consecutiveFailures: 0, openedAt: null };
    const state =
      entry.openedAt === null
        ? 'closed'
        : this.now() - entry.openedAt < this.options.openMs
          ? 'open'
          : 'half-open';
    return {
      state,
      consecutiveFailures: entry.failures,
      openedAt: entry.openedAt === null ? null : new Date(entry.openedAt).toISOString(),
    };
  }
}
