import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Dispatcher } from 'undici';
import {
  decodeNetworkCursor,
  encodeNodeCursor,
  nodeCursorFor,
  type NetworkCursor,
} from '@communes/schema';
import { CircuitBreaker, type CircuitOptions } from './circuit-breaker';
import { dropForeignClaims } from './claims';
import { routeEntities, reassembleEntities } from './entities';
import { networkError, stamp } from './errors';
import { mergeByShape, type CommunePart } from './merge';
import { analyseOperation, argumentsOf, type AnalysedOperation, type RootField } from './operation';
import { callCommune, type CommuneOutcome, type CommuneTarget } from './scatter';

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
}

export interface ExecuteContext {
  /** Headers to send each commune (the hub-signed identity). */
  headers?: (commune: string) => Promise<Record<string, string>> | Record<string, string>;
  /** Absolute deadline shared by every fetch of one client request. */
  deadline?: number;
  trace?: NetworkTrace;
}

/**
 * The network executor: sends one subgraph fetch to the communes it concerns and merges
 * their answers into the one answer the planner expects from a single subgraph.
 */
export class NetworkExecutor {
  readonly breaker: CircuitBreaker;
  private readonly analysed = new Map<string, AnalysedOperation>();
  private readonly timeoutMs: number;
  private readonly deadlineMs: number;

  constructor(private readonly options: ExecutorOptions) {
    this.breaker =
      options.breaker ??
      new CircuitBreaker(options.circuit ?? { failureThreshold: 5, openMs: 30_000 });
    this.timeoutMs = options.communeTimeoutMs ?? 5_000;
    this.deadlineMs = options.requestDeadlineMs ?? 10_000;
  }

  subgraphNames(): string[] {
    return [...this.options.schemas.keys()];
  }

  async execute(
    subgraph: string,
    request: NetworkRequest,
    context: ExecuteContext = {},
  ): Promise<NetworkResult> {
    const trace = context.trace ?? { answered: new Set<string>(), failed: new Set<string>() };
    const finish = (result: Omit<NetworkResult, 'extensions'>): NetworkResult => ({
      ...result,
      extensions: {
        communes: {
          answered: [...trace.answered].filter((c) => !trace.failed.has(c)).sort(),
          failed: [...trace.failed].sort(),
        },
      },
    });
    const contract = this.options.schemas.get(subgraph);
    if (!contract) return finish({ errors: [{ message: `unknown subgraph ${subgraph}` }] });
    let operation: AnalysedOperation;
    try {
      operation = this.analyse(request, contract.schema);
    } catch (error: unknown) {
      return finish({
        errors: [
          {
            message: `invalid fetch: ${(error as Error).message}`,
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      });
    }
    if (operation.service) return finish({ data: { _service: { sdl: contract.sdl } } });
    const variables = request.variables ?? {};
    const run = new Run(this, subgraph, operation, request, variables, context, trace);
    try {
      return finish(
        operation.entities ? await run.entities() : await run.rootFields(contract.schema),
      );
    } catch (error: unknown) {
      if (error instanceof RequestError) return finish({ data: null, errors: [error.formatted] });
      throw error;
    }
  }

  /** @internal */
  call(
    subgraph: string,
    target: CommuneTarget,
    query: string,
    variables: Record<string, unknown>,
    request: NetworkRequest,
    headers: Record<string, string>,
    deadline: number,
  ): Promise<CommuneOutcome> {
    void subgraph;
    return callCommune(
      target,
      { query, variables, operationName: request.operationName ?? null, headers },
      {
        timeoutMs: this.timeoutMs,
        deadline,
        breaker: this.breaker,
        ...(this.options.dispatcher ? { dispatcher: this.options.dispatcher } : {}),
      },
    );
  }

  /** @internal */
  members(subgraph: string): CommuneTarget[] {
    return this.options.membership.serving(subgraph);
  }

  /** @internal */
  defaultDeadline(): number {
    return Date.now() + this.deadlineMs;
  }

  private analyse(request: NetworkRequest, schema: GraphQLSchema): AnalysedOperation {
    const cacheKey = `${request.operationName ?? ''}\n${request.query}`;
    let operation = this.analysed.get(cacheKey);
    if (!operation) {
      operation = analyseOperation(request.query, schema, request.operationName);
      if (this.analysed.size > 1000) this.analysed.clear();
      this.analysed.set(cacheKey, operation);
    }
    return operation;
  }
}

class RequestError extends Error {
  constructor(readonly formatted: GraphQLFormattedError) {
    super(formatted.message);
  }
}

/** One execution of one fetch. */
class Run {
  private readonly deadline: number;
  constructor(
    private readonly executor: NetworkExecutor,
    private readonly subgraph: string,
    private readonly operation: AnalysedOperation,
    private readonly request: NetworkRequest,
    private readonly variables: Record<string, unknown>,
    private readonly context: ExecuteContext,
    private readonly trace: NetworkTrace,
  ) {
    this.deadline = context.deadline ?? executor.defaultDeadline();
  }

  async entities(): Promise<Omit<NetworkResult, 'extensions'>> {
    const representations = (this.variables['representations'] ?? []) as Record<string, unknown>[];
    const members = new Map(this.executor.members(this.subgraph).map((m) => [m.code, m]));
    const { groups, unroutable } = routeEntities(representations);
    const errors: GraphQLFormattedError[] = [];
    const answers = await Promise.all(
      [...groups.entries()].map(async ([commune, indexes]) => {
        const target = members.get(commune);
        if (!target) {
          errors.push(
            networkError(
              'UNKNOWN_COMMUNE',
              `${commune} is not an active member serving ${this.subgraph}`,
              { commune, serviceName: this.subgraph },
            ),
          );
          return { commune, indexes, outcome: null };
        }
        const subset = indexes.map((i) => representations[i]);
        const outcome = await this.send(target, this.operation.text, {
          ...this.variables,
          representations: subset,
        });
        return { commune, indexes, outcome };
      }),
    );
    for (const index of unroutable) {
      errors.push({
        message: 'representation names no commune',
        path: ['_entities', index],
        extensions: { serviceName: this.subgraph },
      });
    }
    const results: unknown[] = representations.map(() => null);
    for (const { commune, indexes, outcome } of answers) {
      if (!outcome) continue;
      if (!outcome.ok) {
        errors.push(this.unavailable(commune, outcome.reason));
        continue;
      }
      const entities = (outcome.data?.['_entities'] ?? []) as unknown[];
      const { value, dropped } = dropForeignClaims(entities, commune);
      if (dropped > 0) errors.push(this.refused(commune, dropped));
      reassembleEntities(
        results,
        indexes,
        value as unknown[],
        outcome.errors,
        errors,
        commune,
        this.subgraph,
      );
    }
    return { data: { _entities: results }, ...(errors.length ? { errors } : {}) };
  }

  async rootFields(schema: GraphQLSchema): Promise<Omit<NetworkResult, 'extensions'>> {
    const kind = this.operation.kind;
    const plans = this.operation.fields.map((field) => {
      const args = argumentsOf(field, schema, kind, this.variables);
      return {
        field,
        args,
        targets: this.targetsOf(field, args),
        after: this.networkAfter(field, args),
      };
    });
    const errors: GraphQLFormattedError[] = [];
    const members = this.executor.members(this.subgraph);
    const union = new Set(plans.flatMap((p) => p.targets));
    for (const plan of plans) {
      for (const code of plan.targets) {
        if (!members.some((m) => m.code === code)) {
          errors.push(
            networkError(
              'UNKNOWN_COMMUNE',
              `${code} is not an active member serving ${this.subgraph}`,
              { commune: code, serviceName: this.subgraph },
              [plan.field.responseKey],
            ),
          );
        }
      }
    }
    const targets = members.filter((m) => union.has(m.code));
    if (kind === 'mutation' && targets.length > 1)
      throw new Error('a mutation fetch must name one commune');
    const outcomes = await Promise.all(
      targets.map(async (target) => {
        const variables = { ...this.variables };
        for (const plan of plans) {
          if (plan.field.afterVariable)
            variables[plan.field.afterVariable] = plan.after
              ? encodeAfter(target.code, plan.after)
              : null;
        }
        return {
          commune: target.code,
          outcome: await this.send(target, this.operation.text, variables),
        };
      }),
    );
    const partsByField = new Map<string, CommunePart[]>(
      plans.map((p) => [p.field.responseKey, []]),
    );
    for (const { commune, outcome } of outcomes) {
      if (!outcome.ok) {
        errors.push(this.unavailable(commune, outcome.reason));
        continue;
      }
      for (const error of outcome.errors) errors.push(stamp(error, commune, this.subgraph, true));
      for (const plan of plans) {
        if (!plan.targets.includes(commune)) continue;
        const raw = outcome.data?.[plan.field.responseKey];
        const { value, dropped } = dropForeignClaims(raw, commune);
        if (dropped > 0) errors.push(this.refused(commune, dropped));
        partsByField.get(plan.field.responseKey)!.push({ commune, value });
      }
    }
    const data: Record<string, unknown> = {};
    for (const plan of plans) {
      const parts = partsByField.get(plan.field.responseKey)!;
      try {
        data[plan.field.responseKey] = mergeByShape(
          plan.field.shape,
          parts,
          Number(plan.args['first'] ?? 20),
          plan.after,
        );
      } catch (error: unknown) {
        errors.push({
          message: (error as Error).message,
          path: [plan.field.responseKey],
          extensions: { code: 'COMMUNE_UNAVAILABLE', serviceName: this.subgraph },
        });
        data[plan.field.responseKey] = null;
      }
    }
    if (this.operation.kind === 'query') {
      // Fields that spanned no answering commune still get their empty shape.
      for (const plan of plans) {
        if (data[plan.field.responseKey] === null && plan.field.shape === 'connection') {
          data[plan.field.responseKey] = mergeByShape('connection', [], 0, plan.after);
        } else if (
          data[plan.field.responseKey] === null &&
          (plan.field.shape === 'list' || plan.field.shape === 'buckets')
        ) {
          data[plan.field.responseKey] = [];
        }
      }
    }
    return { data, ...(errors.length ? { errors } : {}) };
  }

  private targetsOf(field: RootField, args: Record<string, unknown>): string[] {
    const members = this.executor.members(this.subgraph).map((m) => m.code);
    switch (field.routing.kind) {
      case 'all':
        return members;
      case 'communes': {
        const named = args['communes'] as string[] | null | undefined;
        return named === null || named === undefined ? members : [...new Set(named)];
      }
      case 'one': {
        let value: unknown = args[field.routing.argument];
        for (const key of field.routing.path)
          value = (value as Record<string, unknown> | null)?.[key];
        if (typeof value !== 'string')
          throw new RequestError(
            networkError('BAD_USER_INPUT', `${field.fieldName} names no commune`, {
              field: [field.routing.argument, ...field.routing.path].join('.'),
            }),
          );
        return [value];
      }
    }
  }

  private networkAfter(field: RootField, args: Record<string, unknown>): NetworkCursor | null {
    if (field.shape !== 'connection' || args['after'] === null || args['after'] === undefined)
      return null;
    const cursor = decodeNetworkCursor(String(args['after']));
    if (!cursor) {
      throw new RequestError(
        networkError(
          'BAD_USER_INPUT',
          'after: is not a cursor returned by the network',
          { field: 'after', reason: 'is not a cursor returned by the network' },
          [field.responseKey],
        ),
      );
    }
    return cursor;
  }

  private async send(
    target: CommuneTarget,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<CommuneOutcome> {
    const headers = (await this.context.headers?.(target.code)) ?? {};
    const outcome = await this.executor.call(
      this.subgraph,
      target,
      query,
      variables,
      this.request,
      headers,
      this.deadline,
    );
    (outcome.ok ? this.trace.answered : this.trace.failed).add(target.code);
    return outcome;
  }

  private unavailable(commune: string, reason: string): GraphQLFormattedError {
    return networkError(
      'COMMUNE_UNAVAILABLE',
      `Commune ${commune} is unavailable for ${this.subgraph}: ${reason}`,
      { commune, serviceName: this.subgraph },
    );
  }

  private refused(commune: string, dropped: number): GraphQLFormattedError {
    return networkError(
      'COMMUNE_DATA_REFUSED',
      `Commune ${commune} answered ${dropped} object(s) of another commune; they were dropped`,
      { commune, serviceName: this.subgraph },
    );
  }
}

/** Where one commune continues a network page: its own cursor for the network position. */
function encodeAfter(commune: string, after: NetworkCursor): string {
  return encodeNodeCursor(nodeCursorFor(commune, after));
}
