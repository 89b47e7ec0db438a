import type { DocumentNode } from 'graphql';
import type { DataSource } from 'typeorm';
import { fetch as undiciFetch, type Dispatcher } from 'undici';
import { createLogger, type Logger } from '@communes/kit';
import { contractTypeDefs } from '@communes/schema';
import { REGISTRY, networkSubgraphNames } from '../compose';
import { checkContract, type ContractCheckOptions } from './contract-compatibility';
import { endpointProblem, type EndpointPolicy } from './endpoint-policy';
import type { Resolvers } from './generated/graphql';
import { guardedAgent } from './guarded-agent';
import { HealthChecker } from './health-checker';
import { CLOSED_CIRCUIT, type CircuitOf } from './health-view';
import { RegistryMembership } from './membership';
import { registryResolvers } from './registry.resolvers';
import { RegistryService } from './registry.service';

export interface RegistryOptions {
  /** The hub's database, migrated with `registryDatabasePart`. */
  db: DataSource;
  /** The network executor's circuit per commune; closed for all when left out. */
  circuitOf?: CircuitOf;
  /** How endpoints are asked for their SDL at registration, endpoint change and health checks. */
  contract?: ContractCheckOptions;
  /** Membership reload period (default 5 s); 0 disables polling. */
  pollMs?: number;
  /** Health check period (default 60 s); 0 disables the timer (`checkNow()` still works). */
  healthIntervalMs?: number;
  /** How long a node's `/health` may take (default 5 s). */
  healthTimeoutMs?: number;
  /** JSON lines to stdout at `info` unless given. */
  logger?: Logger;
  /** Addresses endpoints may have: public ones only unless `allowPrivate`. */
  endpoints?: EndpointPolicy;
  /** Connections for contract and health checks; by default a pool that enforces `endpoints`. */
  dispatcher?: Dispatcher;
}

export interface Registry {
  typeDefs: DocumentNode;
  resolvers: Resolvers;
  membership: RegistryMembership;
  healthChecker: HealthChecker;
  service: RegistryService;
  /** Stops polling and health checks, waiting for any in progress. */
  stop(): Promise<void>;
}

/** The registry subgraph with its membership snapshot (loaded) and its timers (started). */
export async function createRegistry(options: RegistryOptions): Promise<Registry> {
  const logger = options.logger ?? createLogger({ name: 'registry' });
  const policy = options.endpoints ?? { allowPrivate: false };
  const ownAgent = options.dispatcher ? null : guardedAgent(policy);
  const dispatcher = options.dispatcher ?? ownAgent!;
  const outbound = ((input: string, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher })) as unknown as typeof fetch;
  const contract = { fetch: outbound, ...options.contract };
  const check = (subgraph: string, url: string) => checkContract(subgraph, url, contract);
  const membership = new RegistryMembership({
    db: options.db,
    logger,
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
  });
  const service = new RegistryService({
    db: options.db,
    subgraphNames: networkSubgraphNames(),
    checkContract: check,
    endpointProblem: (url) => endpointProblem(url, policy),
    // The change is committed whatever happens here; a failed reload is healed by polling.
    changed: () =>
      membership
        .refresh()
        .catch((error: unknown) => logger.error({ err: error }, 'membership reload failed')),
  });
  const healthChecker = new HealthChecker({
    db: options.db,
    checkContract: check,
    fetch: outbound,
    logger,
    ...(options.healthIntervalMs !== undefined ? { intervalMs: options.healthIntervalMs } : {}),
    ...(options.healthTimeoutMs !== undefined ? { timeoutMs: options.healthTimeoutMs } : {}),
  });
  await membership.refresh();
  membership.start();
  healthChecker.start();
  return {
    typeDefs: contractTypeDefs(REGISTRY),
    resolvers: registryResolvers(service, options.circuitOf ?? (() => CLOSED_CIRCUIT)),
    membership,
    healthChecker,
    service,
    async stop() {
      await Promise.all([membership.stop(), healthChecker.stop()]);
      await ownAgent?.close();
    },
  };
}
