import type { GraphQLSchema } from 'graphql';
import { CircuitBreaker } from './circuit-breaker';
import { networkError } from './errors';
import { FetchRun } from './fetch-run';
import { analyseOperation, type AnalysedOperation } from './operation';
import { callCommune, type CommuneTarget } from './commune-call';
import {
  RequestError,
  type ExecuteContext,
  type ExecutorOptions,
  type NetworkRequest,
  type NetworkResult,
} from './types';

export type * from './types';

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
    if (!contract)
      return finish({ errors: [networkError('NOT_FOUND', `unknown subgraph ${subgraph}`, {})] });
    let operation: AnalysedOperation;
    try {
      operation = this.analyse(request, contract.schema);
    } catch (error: unknown) {
      return finish({
        errors: [
          networkError(
            'GRAPHQL_VALIDATION_FAILED',
            `invalid fetch: ${(error as Error).message}`,
            {},
          ),
        ],
      });
    }
    if (operation.service) return finish({ data: { _service: { sdl: contract.sdl } } });
    const variables = request.variables ?? {};
    const deadline = context.deadline ?? Date.now() + this.deadlineMs;
    const send = async (target: CommuneTarget, query: string, vars: Record<string, unknown>) => {
      const headers = (await context.headers?.(target.code, subgraph)) ?? {};
      const outcome = await callCommune(
        target,
        { query, variables: vars, operationName: request.operationName ?? null, headers },
        {
          timeoutMs: this.timeoutMs,
          deadline,
          signal: context.signal,
          breaker: this.breaker,
          ...(this.options.dispatcher ? { dispatcher: this.options.dispatcher } : {}),
          ...(this.options.maxAnswerBytes ? { maxAnswerBytes: this.options.maxAnswerBytes } : {}),
        },
      );
      (outcome.ok ? trace.answered : trace.failed).add(target.code);
      return outcome;
    };
    const members = this.options.membership.serving(subgraph);
    const run = new FetchRun(subgraph, operation, variables, members, send, (commune) =>
      trace.failed.add(commune),
    );
    try {
      return finish(
        operation.entities ? await run.entities() : await run.rootFields(contract.schema),
      );
    } catch (error: unknown) {
      if (error instanceof RequestError) return finish({ data: null, errors: [error.formatted] });
      throw error;
    }
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
