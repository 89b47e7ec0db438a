import type { DataSource } from 'typeorm';
import type { Logger } from '@communes/kit';
import { Commune, type CommuneEndpoint, type StoredHealth } from './commune.entity';
import { checkContract, fetchFailure, type ContractCheck } from './contract-compatibility';

export interface HealthCheckerOptions {
  db: DataSource;
  /** Time between two rounds of checks. */
  intervalMs?: number;
  /** How long one `/health` call may take. */
  timeoutMs?: number;
  /** How many communes are checked at the same time. */
  concurrency?: number;
  checkContract?: (subgraph: string, url: string) => Promise<ContractCheck>;
  fetch?: typeof fetch;
  logger: Logger;
}

export const DEFAULT_HEALTH_INTERVAL_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 5_000;

interface NodeHealth {
  up: boolean;
  latencyMs: number | null;
  error: string | null;
}

/**
 * Checks every endpoint of every ACTIVE commune: the node's `/health` for up or down and
 * latency, and the served SDL for drift from the contract. Results go to the `health`
 * column, where every hub replica reads them.
 */
export class HealthChecker {
  private timer: NodeJS.Timeout | null = null;
  /** Rounds asked for and not finished: a timer tick skips while any is. */
  private pending = 0;
  private queue: Promise<void> = Promise.resolve();
  private readonly log: (error: unknown) => void;

  constructor(private readonly options: HealthCheckerOptions) {
    this.log = (error) => options.logger.error({ err: error }, 'health check failed');
  }

  /** Checks every `intervalMs` (default 60 s) until `stop()`. */
  start(): void {
    const intervalMs = this.options.intervalMs ?? DEFAULT_HEALTH_INTERVAL_MS;
    if (this.timer || intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.pending === 0) void this.checkNow().catch(this.log);
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.queue;
  }

  /** Runs a full round now, after any round in progress, and resolves once it is stored. */
  checkNow(): Promise<void> {
    this.pending += 1;
    const next = this.queue
      .then(() => this.checkAll())
      .finally(() => {
        this.pending -= 1;
      });
    this.queue = next.catch(() => {});
    return next;
  }

  private async checkAll(): Promise<void> {
    const communes = await this.options.db.getRepository(Commune).find({
      select: { code: true, subgraphs: true },
      where: { status: 'ACTIVE' },
      order: { code: 'ASC' },
    });
    const queue = [...communes];
    const worker = async () => {
      for (let commune = queue.shift(); commune; commune = queue.shift()) {
        await this.checkCommune(commune).catch(this.log);
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency ?? 8 }, worker));
  }

  private async checkCommune(commune: Pick<Commune, 'code' | 'subgraphs'>): Promise<void> {
    // Subgraphs of one node share its `/health`: ask it once.
    const nodes = new Map<string, Promise<NodeHealth>>();
    const health = await Promise.all(
      commune.subgraphs.map(async (endpoint) => {
        const base = nodeBaseOf(endpoint);
        if (!nodes.has(base)) nodes.set(base, this.nodeHealth(base));
        return this.endpointHealth(endpoint, await nodes.get(base)!);
      }),
    );
    await this.options.db
      .createQueryBuilder()
      .update(Commune)
      .set({ health })
      .where('code = :code', { code: commune.code })
      .execute();
  }

  private async endpointHealth(endpoint: CommuneEndpoint, node: NodeHealth): Promise<StoredHealth> {
    const check = this.options.checkContract ?? checkContract;
    const contract = await check(endpoint.name, endpoint.url);
    const unreachable = contract.status === 'UNREACHABLE';
    return {
      subgraph: endpoint.name,
      url: endpoint.url,
      // The node may answer `/health` while the subgraph endpoint does not: that is down too.
      status: node.up && !unreachable ? 'UP' : 'DOWN',
      latencyMs: node.latencyMs,
      checkedAt: new Date().toISOString(),
      lastError: node.error ?? (unreachable ? `GraphQL endpoint: ${contract.error}` : null),
      contract: contract.status === 'UNREACHABLE' ? 'UNKNOWN' : contract.status,
      contractDifferences: contract.differences,
    };
  }

  private async nodeHealth(base: string): Promise<NodeHealth> {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const started = performance.now();
    try {
      const response = await (this.options.fetch ?? fetch)(`${base}/health`, {
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Only the status matters; the body is not read.
      await response.body?.cancel();
      const latencyMs = Math.round(performance.now() - started);
      if (response.ok) return { up: true, latencyMs, error: null };
      return { up: false, latencyMs, error: `/health answered HTTP ${response.status}` };
    } catch (error: unknown) {
      return { up: false, latencyMs: null, error: `/health: ${fetchFailure(error, timeoutMs)}` };
    }
  }
}

/** The node's base URL: the endpoint without `/<subgraph>/graphql`, else its origin. */
export function nodeBaseOf(endpoint: CommuneEndpoint): string {
  const url = new URL(endpoint.url);
  const suffix = `/${endpoint.name}/graphql`;
  const path = url.pathname.replace(/\/$/, '');
  if (!path.endsWith(suffix)) return url.origin;
  return `${url.origin}${path.slice(0, -suffix.length)}`;
}
