import type { Request } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import {
  createQueryLimiter,
  useCancellation,
  useQueryLimits,
  useRateLimit,
  type CostedField,
  type Identity,
  type QueryLimiter,
  type QueryLimitOptions,
  type RateLimitOptions,
  type ServerPlugin,
} from '@communes/kit';
import type { Membership } from '../executor/types';

export type HubRateLimit = Pick<RateLimitOptions, 'points' | 'windowSeconds' | 'trustProxyHops'>;

/** The parts the protections read at request time, which exist once the hub has mounted. */
export interface MountedHub {
  db: DataSource;
  membership: Membership & { size(): number };
  identityOf(req: Request): Promise<Identity>;
}

export interface HubProtections {
  /** Before the body is read: the rate limit. */
  first: ServerPlugin[];
  /** After it: cancellation and the query limits. */
  then: ServerPlugin[];
  limiter: QueryLimiter;
}

/**
 * The hub's defences: a per-client rate limit shared by replicas on PostgreSQL, and query
 * limits whose cost counts each root field once per commune it fans out to, all refused
 * before any commune is called, so that a refusal never counts against a commune's circuit.
 */
export function hubProtections(options: {
  schemas: ReadonlyMap<string, { schema: GraphQLSchema }>;
  database: 'postgres' | 'pglite';
  limits?: QueryLimitOptions | undefined;
  rateLimit?: HubRateLimit | undefined;
  mounted: () => MountedHub | undefined;
}): HubProtections {
  const membership = () => options.mounted()?.membership;
  const limiter = createQueryLimiter({
    ...options.limits,
    ...networkCost(options.schemas, membership),
  });
  const rateLimit = useRateLimit({
    ...options.rateLimit,
    clientOf: async (req) => {
      // An unverified subject would let a client pick a fresh budget per request.
      const identity = await options
        .mounted()
        ?.identityOf(req)
        .catch(() => undefined);
      return identity?.kind === 'user' ? `sub:${identity.subject}` : `ip:${req.ip}`;
    },
    // Embedded PGlite belongs to this one process, so no replica could share its count, and
    // memory spares every request a round trip through its single connection.
    store: () => (options.database === 'postgres' ? options.mounted()?.db : undefined),
  });
  return { first: [rateLimit], then: [useCancellation(), useQueryLimits(limiter)], limiter };
}

/**
 * How many communes a root field is sent to: those its `communes` argument names, else every
 * active member serving its subgraph; the registry's `communes` list has one row per member.
 */
function networkCost(
  schemas: ReadonlyMap<string, { schema: GraphQLSchema }>,
  membership: () => (Membership & { size(): number }) | undefined,
): Pick<QueryLimitOptions, 'fanOut' | 'listSize'> {
  const fansOut = new Map<string, string>();
  for (const [subgraph, { schema }] of schemas) {
    for (const field of Object.values(schema.getQueryType()?.getFields() ?? {}))
      if (field.args.some((a) => a.name === 'communes')) fansOut.set(field.name, subgraph);
  }
  const isRootQuery = (field: CostedField) => field.root && field.parentType === 'Query';
  return {
    fanOut(field) {
      const subgraph = isRootQuery(field) ? fansOut.get(field.fieldName) : undefined;
      if (!subgraph) return 1;
      const named = field.args['communes'];
      const width = Array.isArray(named)
        ? new Set(named).size
        : (membership()?.serving(subgraph).length ?? 1);
      return Math.max(1, width);
    },
    listSize: (field) =>
      isRootQuery(field) && field.fieldName === 'communes' ? membership()?.size() : undefined,
  };
}
