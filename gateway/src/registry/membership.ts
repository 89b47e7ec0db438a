import type { DataSource } from 'typeorm';
import type { Logger } from '@communes/kit';
import type { Membership } from '../executor/executor';
import type { CommuneTarget } from '../executor/commune-call';
import { Commune } from './commune.entity';

export interface MembershipOptions {
  db: DataSource;
  /** How often to reload, so that changes made through another hub replica arrive. */
  pollMs?: number;
  logger: Logger;
}

export const DEFAULT_POLL_MS = 5_000;
const NONE: CommuneTarget[] = Object.freeze([]) as unknown as CommuneTarget[];

/**
 * Who serves what, as the executor asks on every request: an in-memory snapshot of the
 * ACTIVE communes' endpoints per subgraph, replaced whole on each reload.
 */
export class RegistryMembership implements Membership {
  private snapshot = new Map<string, CommuneTarget[]>();
  private communes = 0;
  private started = 0;
  private applied = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private readonly log: (error: unknown) => void;

  constructor(private readonly options: MembershipOptions) {
    this.log = (error) => options.logger.error({ err: error }, 'membership reload failed');
  }

  /**
   * Active communes serving `subgraph`, in code order. Synchronous and allocation-free; the
   * lists are frozen because every request shares them.
   */
  serving(subgraph: string): CommuneTarget[] {
    return this.snapshot.get(subgraph) ?? NONE;
  }

  /** Number of ACTIVE communes in the snapshot. */
  size(): number {
    return this.communes;
  }

  /** Reloads from the database; a reload that finishes after a later one is dropped. */
  async refresh(): Promise<void> {
    const generation = ++this.started;
    const rows = await this.options.db.getRepository(Commune).find({
      select: { code: true, subgraphs: true },
      where: { status: 'ACTIVE' },
    });
    if (generation < this.applied) return;
    this.applied = generation;
    this.snapshot = bySubgraph(rows);
    this.communes = rows.length;
  }

  /** Polls every `pollMs` (default 5 s); a failed poll keeps the last snapshot. */
  start(): void {
    const pollMs = this.options.pollMs ?? DEFAULT_POLL_MS;
    if (this.timer || pollMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.polling) return;
      this.polling = this.refresh()
        .catch(this.log)
        .finally(() => {
          this.polling = null;
        });
    }, pollMs);
    // Polling alone must not keep the process alive.
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.polling;
  }
}

function bySubgraph(rows: Pick<Commune, 'code' | 'subgraphs'>[]): Map<string, CommuneTarget[]> {
  const lists = new Map<string, CommuneTarget[]>();
  // Code order by code unit, as the network merge breaks ties (`COLLATE "C"` in SQL).
  const sorted = [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const { code, subgraphs } of sorted) {
    for (const { name, url } of subgraphs) {
      const list = lists.get(name) ?? [];
      list.push(Object.freeze({ code, url }));
      lists.set(name, list);
    }
  }
  for (const list of lists.values()) Object.freeze(list);
  return lists;
}
