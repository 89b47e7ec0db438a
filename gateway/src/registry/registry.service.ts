import type { DataSource, EntityManager } from 'typeorm';
import {
  BadUserInput,
  NotFound,
  isCommuneCode,
  requireRole,
  type FieldProblem,
  type Identity,
} from '@communes/kit';
import { Commune, type CommuneEndpoint } from './commune.entity';
import { checkCode, checkEndpoints, checkReason, checkRegistration } from './commune-input';
import { targetStatus, transitionProblem, type StatusChange } from './commune-status';
import type { ContractCheck } from './contract-compatibility';
import type {
  CommuneFilter,
  CommuneSubgraphInput,
  RegisterCommuneInput,
} from './generated/graphql';

/** Roles are per scope key; hub administrators hold `admin` under this one. */
export const HUB_SCOPE = 'hub';

export interface RegistryServiceOptions {
  db: DataSource;
  /** Subgraph names a commune may serve: the contract's, without the hub's own. */
  subgraphNames: readonly string[];
  checkContract: (subgraph: string, url: string) => Promise<ContractCheck>;
  /** Why the hub must not call an endpoint URL (`endpointProblem` under a policy), or null. */
  endpointProblem: (url: string) => Promise<string | null>;
  /** Called after every committed change, so that routing follows at once. */
  changed: () => Promise<void>;
}

/** The registry of member communes: reads for everyone, changes for hub administrators. */
export class RegistryService {
  constructor(private readonly options: RegistryServiceOptions) {}

  async list(filter: CommuneFilter | null | undefined): Promise<Commune[]> {
    const query = this.options.db
      .getRepository(Commune)
      .createQueryBuilder('c')
      .orderBy('c.code', 'ASC');
    if (filter?.country) query.andWhere('c.country = :country', { country: filter.country });
    if (filter?.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter?.serves != null) {
      if (!this.options.subgraphNames.includes(filter.serves)) {
        throw new BadUserInput([
          { field: 'filter.serves', reason: `must be a subgraph of the contract: ${this.names()}` },
        ]);
      }
      const serves = JSON.stringify([{ name: filter.serves }]);
      query.andWhere('c.subgraphs @> CAST(:serves AS jsonb)', { serves });
    }
    return query.getMany();
  }

  async get(code: string): Promise<Commune | null> {
    if (!isCommuneCode(code)) return null;
    return this.options.db.getRepository(Commune).findOneBy({ code });
  }

  /** Many communes in one query, for entity references. */
  async getMany(codes: readonly string[]): Promise<Commune[]> {
    const valid = codes.filter(isCommuneCode);
    if (valid.length === 0) return [];
    return this.options.db
      .getRepository(Commune)
      .createQueryBuilder('c')
      .where('c.code IN (:...codes)', { codes: valid })
      .getMany();
  }

  /** Registers a new commune, or one that has left, as ACTIVE. */
  async register(identity: Identity, input: RegisterCommuneInput): Promise<Commune> {
    requireAdmin(identity);
    const { problems, value } = checkRegistration(input, this.options.subgraphNames);
    const existing = isCommuneCode(value.code) ? await this.get(value.code) : null;
    if (existing && existing.status !== 'LEFT') problems.unshift(alreadyRegistered(existing));
    problems.push(...(await this.addressProblems(value.subgraphs, 'input.subgraphs', problems)));
    problems.push(...(await this.contractProblems(value.subgraphs, 'input.subgraphs', problems)));
    if (problems.length > 0) throw new BadUserInput(problems);
    const saved = await this.options.db.transaction(async (tx) => {
      const current = await lockCommune(tx, value.code);
      if (current && current.status !== 'LEFT') {
        throw new BadUserInput([alreadyRegistered(current)]);
      }
      const now = new Date();
      const commune = Object.assign(current ?? new Commune(), value, {
        status: 'ACTIVE',
        suspendedReason: null,
        joinedAt: now,
        updatedAt: now,
        health: [],
      } satisfies Partial<Commune>);
      // An insert, not a save: a concurrent registration of the same code then fails on the key.
      if (current) await tx.save(commune);
      else await insertOrRefuse(tx, commune);
      return commune;
    });
    await this.options.changed();
    return saved;
  }

  /** Replaces the endpoints of a commune that has not left; each must honour the contract. */
  async updateEndpoints(
    identity: Identity,
    code: string,
    subgraphs: readonly CommuneSubgraphInput[],
  ): Promise<Commune> {
    requireAdmin(identity);
    const problems = checkCode(code, 'code');
    const endpoints = checkEndpoints(subgraphs, 'subgraphs', this.options.subgraphNames);
    problems.push(...endpoints.problems);
    if (problems.length === 0) {
      const existing = await this.get(code);
      if (!existing) throw new NotFound('Commune', code);
      if (existing.status === 'LEFT') problems.push(hasLeft(existing));
    }
    problems.push(...(await this.addressProblems(endpoints.value, 'subgraphs', problems)));
    problems.push(...(await this.contractProblems(endpoints.value, 'subgraphs', problems)));
    if (problems.length > 0) throw new BadUserInput(problems);
    const saved = await this.options.db.transaction(async (tx) => {
      const commune = await lockCommune(tx, code);
      if (!commune) throw new NotFound('Commune', code);
      if (commune.status === 'LEFT') throw new BadUserInput([hasLeft(commune)]);
      commune.subgraphs = endpoints.value;
      // Results for an endpoint that changed say nothing about the new one.
      commune.health = commune.health.filter((h) =>
        endpoints.value.some((e) => e.name === h.subgraph && e.url === h.url),
      );
      commune.updatedAt = new Date();
      return tx.save(commune);
    });
    await this.options.changed();
    return saved;
  }

  suspend(identity: Identity, code: string, reason: string): Promise<Commune> {
    return this.changeStatus(identity, code, 'suspend', reason);
  }

  reinstate(identity: Identity, code: string): Promise<Commune> {
    return this.changeStatus(identity, code, 'reinstate', null);
  }

  /** The commune leaves the network; its endpoints stay on record. */
  remove(identity: Identity, code: string): Promise<Commune> {
    return this.changeStatus(identity, code, 'remove', null);
  }

  private async changeStatus(
    identity: Identity,
    code: string,
    change: StatusChange,
    reason: string | null,
  ): Promise<Commune> {
    requireAdmin(identity);
    const problems = checkCode(code, 'code');
    const why = reason === null ? null : checkReason(reason, 'reason');
    problems.push(...(why?.problems ?? []));
    // A malformed code names no commune: nothing to look up.
    if (problems.some((p) => p.field === 'code')) throw new BadUserInput(problems);
    const saved = await this.options.db.transaction(async (tx) => {
      const commune = await lockCommune(tx, code);
      if (!commune) throw new NotFound('Commune', code);
      const illegal = transitionProblem(change, commune.status, 'code');
      if (illegal) problems.unshift(illegal);
      if (problems.length > 0) throw new BadUserInput(problems);
      commune.status = targetStatus(change);
      commune.suspendedReason = commune.status === 'SUSPENDED' ? (why?.value ?? null) : null;
      commune.updatedAt = new Date();
      return tx.save(commune);
    });
    await this.options.changed();
    return saved;
  }

  /** Endpoints whose address the hub must not call, found before anything is sent to any. */
  private addressProblems(
    endpoints: readonly CommuneEndpoint[],
    field: string,
    known: readonly FieldProblem[],
  ): Promise<FieldProblem[]> {
    return eachUnflagged(endpoints, field, known, async (endpoint) =>
      this.options.endpointProblem(endpoint.url),
    );
  }

  /**
   * Asks each endpoint that passed the other checks for its SDL, in parallel, and reports
   * the ones that serve none and the incompatible ones on their URL. An endpoint that serves
   * no subgraph SDL gets the same short reason whatever it did instead (refused, timed out,
   * answered a web page): registration is not a way to learn what listens at an address.
   */
  private contractProblems(
    endpoints: readonly CommuneEndpoint[],
    field: string,
    known: readonly FieldProblem[],
  ): Promise<FieldProblem[]> {
    return eachUnflagged(endpoints, field, known, async (endpoint) => {
      const check = await this.options.checkContract(endpoint.name, endpoint.url);
      if (check.status === 'UNREACHABLE' || !check.served) return NOT_A_SUBGRAPH;
      if (check.status === 'INCOMPATIBLE')
        return `serves an SDL incompatible with the ${endpoint.name} contract: ${check.differences.join('; ')}`;
      return null;
    });
  }

  private names(): string {
    return this.options.subgraphNames.join(', ');
  }
}

/**
 * Runs `check` on each endpoint no earlier problem names, in parallel; a reason it returns
 * becomes a problem on that endpoint's URL.
 */
async function eachUnflagged(
  endpoints: readonly CommuneEndpoint[],
  field: string,
  known: readonly FieldProblem[],
  check: (endpoint: CommuneEndpoint) => Promise<string | null>,
): Promise<FieldProblem[]> {
  const problems = await Promise.all(
    endpoints.map(async (endpoint, i): Promise<FieldProblem | null> => {
      if (known.some((p) => p.field.startsWith(`${field}[${i}]`) || p.field === field)) return null;
      const reason = await check(endpoint);
      return reason ? { field: `${field}[${i}].url`, reason } : null;
    }),
  );
  return problems.filter((p): p is FieldProblem => p !== null);
}

export const NOT_A_SUBGRAPH = 'does not answer as a subgraph (no valid `_service { sdl }` from it)';

function requireAdmin(identity: Identity): void {
  requireRole(identity, HUB_SCOPE, ['admin']);
}

function alreadyRegistered(commune: Commune): FieldProblem {
  return {
    field: 'input.code',
    reason: `${commune.code} is already registered (status ${commune.status}); only a commune that has left can register again`,
  };
}

function hasLeft(commune: Commune): FieldProblem {
  return {
    field: 'code',
    reason: `${commune.code} has left the network (status LEFT): register it again instead`,
  };
}

async function lockCommune(tx: EntityManager, code: string): Promise<Commune | null> {
  return tx
    .getRepository(Commune)
    .createQueryBuilder('c')
    .setLock('pessimistic_write')
    .where('c.code = :code', { code })
    .getOne();
}

async function insertOrRefuse(tx: EntityManager, commune: Commune): Promise<void> {
  try {
    await tx.getRepository(Commune).insert(commune);
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code === '23505') {
      throw new BadUserInput([
        { field: 'input.code', reason: `${commune.code} is already registered` },
      ]);
    }
    throw error;
  }
}
