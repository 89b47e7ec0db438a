import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Dispatcher } from 'undici';
import type { CircuitBreaker, CircuitOptions } from './circuit-breaker';
import type { CommuneTarget } from './commune-call';

/** Who serves what: the executor asks on every request, so registry changes apply at once. */
export interface Membership {
  /** Active communes serving `subgraph`, in commune-code order. */
  serving(subgraph: string): CommuneTarget[];
}

export interface NetworkRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** Per-request facts the executor reports in the response's `extensions.communes`. */
export interface NetworkTrace {
  answered: Set<string>;
  failed: Set<string>;
}

export interface NetworkResult {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
  extensions: { communes: { answered: string[]; failed: string[] } };
}

export interface ExecutorOptions {
  /** Each subgraph's schema as the contract defines it (with `_entities`, `_service`). */
  schemas: Map<string, { schema: GraphQLSchema; sdl: string }>;
  membership: Membership;
  /** Time allowed to one commune for one call. */
  communeTimeoutMs?: number;
  /** Time allowed to a whole request from the moment the executor sees it. */
  requestDeadlineMs?: number;
  circuit?: CircuitOptions;
  /** A breaker shared with whoever reports health; else one is made from `circuit`. */
  breaker?: CircuitBreaker;
  /** Connection pool to the communes (undici); a shared keep-alive agent by default. */
  dispatcher?: Dispatcher;
  /** Largest answer read from one commune for one fetch (default 4 MB); a larger one is cut off. */
  maxAnswerBytes?: number;
}

export interface ExecuteContext {
  /** Headers for one call to a commune (its hub-signed identity: one per call, used once). */
  headers?: (
    commune: string,
    subgraph: string,
  ) => Promise<Record<string, string>> | Record<string, string>;
  /** Absolute deadline shared by every fetch of one client request. */
  deadline?: number;
  /** Aborted when the client went away: calls to communes stop and count as nobody's failure. */
  signal?: AbortSignal;
  trace?: NetworkTrace;
}

/** A failure of the whole fetch (a bad argument given to the hub), answered as one error. */
export class RequestError extends Error {
  constructor(readonly formatted: GraphQLFormattedError) {
    super(formatted.message);
  }
}
