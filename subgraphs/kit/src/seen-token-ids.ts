/** What `remember` found: a fresh id, a replay, or no room left to remember one more. */
export type Sighting = 'new' | 'seen' | 'full';

/**
 * The ids of identity tokens this process has accepted, each kept until its token expires, so
 * that a captured token cannot be used twice. In memory: a node with several replicas would need
 * a shared store (PostgreSQL, Redis) for this, or a replay could land on another replica.
 */
export class SeenTokenIds {
  /** Token id → when it can be forgotten (ms); insertion order is nearly expiry order. */
  private readonly until = new Map<string, number>();

  constructor(
    /** Most ids held at once; past it new tokens are refused rather than old ids forgotten. */
    private readonly capacity = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records `id` until `forgetAt` (ms since the epoch), unless it was seen or there is no room. */
  remember(id: string, forgetAt: number): Sighting {
    const known = this.until.get(id);
    if (known !== undefined && known > this.now()) return 'seen';
    this.forgetExpired(false);
    if (this.until.size >= this.capacity) this.forgetExpired(true);
    // Forgetting a live id would reopen its replay: refuse the newcomer instead.
    if (this.until.size >= this.capacity) return 'full';
    this.until.delete(id);
    this.until.set(id, forgetAt);
    return 'new';
  }

  get size(): number {
    return this.until.size;
  }

  /** Drops expired ids from the oldest on; `everywhere` also looks past the first live one. */
  private forgetExpired(everywhere: boolean): void {
    const now = this.now();
    for (const [id, forgetAt] of this.until) {
      if (forgetAt <= now) this.until.delete(id);
      else if (!everywhere) return;
    }
  }
}
