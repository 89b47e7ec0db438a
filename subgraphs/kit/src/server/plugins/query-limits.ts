import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import {
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { z } from 'zod';
import type { ErrorCode } from '../../error-codes';
import { DomainError } from '../../errors';
import type { ServerPlugin } from '../plugin';
import { DEFAULT_LIST_SIZE, estimateCost, type CostOptions } from '../query-cost';

export interface QueryLimits {
  /** Deepest nesting of fields (fragments do not count as a level). */
  maxDepth: number;
  maxAliases: number;
  /** Tokens of the document: counted while lexing, so a huge one is never parsed whole. */
  maxTokens: number;
  maxDirectives: number;
  /** Largest estimated cost (see `estimateCost`). */
  maxCost: number;
}

/** Far above what the network's own queries and query plans need, far below an attack's. */
export const DEFAULT_QUERY_LIMITS: Readonly<QueryLimits> = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 2_000,
  maxDirectives: 30,
  maxCost: 50_000,
};

export type QueryLimitOptions = Partial<QueryLimits> & CostOptions;

const count = (fallback: number) =>
  z.coerce.number().int('must be a whole number').positive().default(fallback);

/** The limits' environment variables, shared by the hub's and the node's configuration. */
export const queryLimitsEnv = {
  MAX_QUERY_DEPTH: count(DEFAULT_QUERY_LIMITS.maxDepth),
  MAX_QUERY_ALIASES: count(DEFAULT_QUERY_LIMITS.maxAliases),
  MAX_QUERY_TOKENS: count(DEFAULT_QUERY_LIMITS.maxTokens),
  MAX_QUERY_DIRECTIVES: count(DEFAULT_QUERY_LIMITS.maxDirectives),
  MAX_QUERY_COST: count(DEFAULT_QUERY_LIMITS.maxCost),
  QUERY_COST_LIST_SIZE: count(DEFAULT_LIST_SIZE),
};

type QueryLimitsEnv = { [K in keyof typeof queryLimitsEnv]: number };

export function queryLimitsOf(env: QueryLimitsEnv): QueryLimitOptions {
  return {
    maxDepth: env.MAX_QUERY_DEPTH,
    maxAliases: env.MAX_QUERY_ALIASES,
    maxTokens: env.MAX_QUERY_TOKENS,
    maxDirectives: env.MAX_QUERY_DIRECTIVES,
    maxCost: env.MAX_QUERY_COST,
    defaultListSize: env.QUERY_COST_LIST_SIZE,
  };
}

export interface GraphQLRequestText {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** The limits' checks, for Apollo servers and for plain GraphQL routes alike. */
export interface QueryLimiter {
  readonly limits: Readonly<QueryLimits>;
  /** Depth, aliases and directives: reported as validation errors with their own codes. */
  readonly validationRules: ValidationRule[];
  /** TOO_MANY_TOKENS, before the document is parsed; a syntax error is left to the parser. */
  checkTokens(source: string): DomainError | undefined;
  checkCost(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ): DomainError | undefined;
  /** Every limit on a raw request (for a route Apollo does not serve): the first refusal. */
  refusal(schema: GraphQLSchema, request: GraphQLRequestText): DomainError | undefined;
}

export function createQueryLimiter(options: QueryLimitOptions = {}): QueryLimiter {
  const limits = { ...DEFAULT_QUERY_LIMITS, ...definedOnly(options) };
  const refuse =
    (code: ErrorCode, limit: number) => (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(
        new GraphQLError(error.message, { originalError: refusal(code, error, limit) }),
      );
  const armor = (code: ErrorCode, n: number) => ({
    n,
    propagateOnRejection: false,
    onReject: [refuse(code, n)],
  });
  const validationRules = [
    maxDepthRule({ ...armor('QUERY_TOO_DEEP', limits.maxDepth), flattenFragments: true }),
    maxAliasesRule(armor('TOO_MANY_ALIASES', limits.maxAliases)),
    maxDirectivesRule(armor('TOO_MANY_DIRECTIVES', limits.maxDirectives)),
  ];
  const limiter: QueryLimiter = {
    limits,
    validationRules,
    checkTokens(source) {
      let refused: DomainError | undefined;
      const onReject = [
        (_: unknown, error: GraphQLError) =>
          (refused = refusal('TOO_MANY_TOKENS', error, limits.maxTokens)),
      ];
      try {
        new MaxTokensParserWLexer(source, { n: limits.maxTokens, onReject }).parseDocument();
      } catch {
        // Past the limit the parser stops; a plain syntax error is the parser's to report.
      }
      return refused;
    },
    checkCost(schema, document, variables, operationName) {
      const cost = estimateCost(schema, document, variables, operationName, options);
      if (cost === undefined || cost <= limits.maxCost) return undefined;
      const shown = Number.isFinite(cost) ? cost : null;
      return new DomainError(
        'QUERY_TOO_COSTLY',
        `Query cost limit of ${limits.maxCost} exceeded, estimated ${shown ?? 'beyond counting'}.`,
        { limit: limits.maxCost, cost: shown },
      );
    },
    refusal(schema, request) {
      const tokens = limiter.checkTokens(request.query);
      if (tokens) return tokens;
      let document: DocumentNode;
      try {
        document = parse(request.query);
      } catch {
        return undefined;
      }
      const [invalid] = validate(schema, document, validationRules);
      if (invalid) return invalid.originalError as DomainError;
      return limiter.checkCost(
        schema,
        document,
        request.variables ?? undefined,
        request.operationName ?? undefined,
      );
    },
  };
  return limiter;
}

/**
 * Depth, aliases, tokens, directives and cost limits on every GraphQL endpoint (GraphQL Armor's
 * rules, graphql-query-complexity for the cost), each refusal with its own code, the limit in
 * `extensions.limit` and HTTP 400, before any resolver or commune is called. Mount it after the
 * body limit: the token count reads the parsed body, before Apollo parses the document.
 */
export function useQueryLimits(options: QueryLimitOptions | QueryLimiter = {}): ServerPlugin {
  const limiter = 'refusal' in options ? options : createQueryLimiter(options);
  return {
    name: 'query-limits',
    // An error thrown in Apollo's hooks before parsing would be answered as an internal error.
    express: (app) =>
      app.use((req, _res, next) => {
        const query = queryTextOf(req.body) ?? queryTextOf(req.query);
        next(query === undefined ? undefined : limiter.checkTokens(query));
      }),
    validationRules: limiter.validationRules,
    apollo: {
      async requestDidStart() {
        return {
          // The cost depends on variables and on the network's width: never cached with the document.
          async didResolveOperation({ schema, document, request, operationName }) {
            const variables = request.variables ?? undefined;
            const refused = limiter.checkCost(
              schema,
              document,
              variables,
              operationName ?? undefined,
            );
            if (refused) throw asGraphQLError(refused);
          },
        };
      },
    },
  };
}

function queryTextOf(holder: unknown): string | undefined {
  const query = (holder as { query?: unknown } | undefined)?.query;
  return typeof query === 'string' ? query : undefined;
}

function refusal(code: ErrorCode, error: GraphQLError, limit: number): DomainError {
  // Armor calls every refusal a syntax error; it is a limit.
  return new DomainError(code, error.message.replace(/^Syntax Error: /, ''), { limit });
}

function asGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { http: { status: 400 } },
  });
}

function definedOnly(options: QueryLimitOptions): Partial<QueryLimits> {
  const keys = Object.keys(DEFAULT_QUERY_LIMITS) as (keyof QueryLimits)[];
  return Object.fromEntries(
    keys.flatMap((k) => (options[k] === undefined ? [] : [[k, options[k]]])),
  ) as Partial<QueryLimits>;
}
