/**
 * Every error code a client may find in `extensions.code`, from a commune node or the hub, with
 * what it means: the one registry, as federation's `makeCodeDefinition` list is theirs. Errors
 * are raised with an `ErrorCode`, so a code not listed here does not compile. The README's table
 * is generated from this list (`npm run docs:errors`); add a code here first.
 */

/** Who answers with the code: a commune node, the hub, or both. */
export type ErrorOrigin = 'node' | 'hub' | 'both';

export interface ErrorCodeDefinition {
  /** One line: what happened, and what the error's other extensions say. */
  description: string;
  origin: ErrorOrigin;
  /** The HTTP status of a response that carries it, when it is not GraphQL's usual 200. */
  httpStatus?: number;
  /** Raised by a library, not by our code: we pass it on unchanged. */
  raisedBy?: 'Apollo Server' | 'Apollo Gateway';
}

export const ErrorCodes = {
  BAD_USER_INPUT: {
    origin: 'both',
    description:
      'An argument or input field is invalid: `extensions.field` and `extensions.reason` say which and why, `extensions.problems` lists every one; nothing was changed. HTTP 400 for a variable of the wrong type, and on the SCDL export',
  },
  UNAUTHENTICATED: {
    origin: 'both',
    httpStatus: 401,
    description: 'The token (hub) or forwarded identity (node) is missing, forged or expired',
  },
  FORBIDDEN: {
    origin: 'both',
    description:
      'The caller has no role allowing this in the commune concerned (`hub` for registry changes)',
  },
  NOT_FOUND: {
    origin: 'both',
    description:
      "The object named does not exist in this commune; at the hub's `/network/<subgraph>/graphql`, no such subgraph (HTTP 404)",
  },
  WRONG_COMMUNE: {
    origin: 'node',
    description:
      'A write names a commune this node does not serve (`extensions.field` is `commune`): a caller that bypassed the hub, or a node registered under another code',
  },
  EXPORT_NOT_CONFIGURED: {
    origin: 'node',
    httpStatus: 503,
    description:
      "The SCDL export needs a setting this node lacks (`extensions.setting`: the commune's SIRET or KBO number)",
  },
  INTERNAL_SERVER_ERROR: {
    origin: 'both',
    description:
      'An unexpected failure; details are in the server log, not in the response (HTTP 500 on the SCDL export)',
  },
  COMMUNE_UNAVAILABLE: {
    origin: 'hub',
    description:
      'A commune did not answer in time, failed, answered garbage or more than the hub reads of one answer (`extensions.commune`); its part is missing',
  },
  COMMUNE_DATA_REFUSED: {
    origin: 'hub',
    description:
      "A commune's answer claimed another commune's data (`extensions.commune`, `extensions.refused` claims): its whole part of the fetch was dropped, counts included",
  },
  UNKNOWN_COMMUNE: {
    origin: 'hub',
    description:
      'Communes named are not active members serving that subgraph: one error per field, `extensions.communes` lists the first twenty, `extensions.unknownCount` how many',
  },
  QUERY_TOO_DEEP: {
    origin: 'both',
    httpStatus: 400,
    description:
      'The query nests fields deeper than `extensions.limit` (`MAX_QUERY_DEPTH`); nothing was run',
  },
  TOO_MANY_ALIASES: {
    origin: 'both',
    httpStatus: 400,
    description:
      'The query has more aliases than `extensions.limit` (`MAX_QUERY_ALIASES`); nothing was run',
  },
  TOO_MANY_TOKENS: {
    origin: 'both',
    httpStatus: 400,
    description:
      'The query document has more tokens than `extensions.limit` (`MAX_QUERY_TOKENS`); it was not even parsed',
  },
  TOO_MANY_DIRECTIVES: {
    origin: 'both',
    httpStatus: 400,
    description:
      'The query has more directives than `extensions.limit` (`MAX_QUERY_DIRECTIVES`); nothing was run',
  },
  QUERY_TOO_COSTLY: {
    origin: 'both',
    httpStatus: 400,
    description:
      'The estimated cost (`extensions.cost`: fields times list sizes times the communes each root field fans out to) passes `extensions.limit` (`MAX_QUERY_COST`); nothing was run',
  },
  RATE_LIMITED: {
    origin: 'hub',
    httpStatus: 429,
    description:
      'Too many requests from this client (token subject, else address) in the window: retry after `extensions.retryAfterSeconds` (also the `Retry-After` header)',
  },
  REQUEST_CANCELLED: {
    origin: 'node',
    description:
      "The caller went away before the answer (the hub's client disconnected or its deadline passed): the rest of the work was stopped",
  },
  GRAPHQL_PARSE_FAILED: {
    origin: 'both',
    httpStatus: 400,
    raisedBy: 'Apollo Server',
    description: 'The query is not syntactically valid GraphQL',
  },
  GRAPHQL_VALIDATION_FAILED: {
    origin: 'both',
    httpStatus: 400,
    raisedBy: 'Apollo Server',
    description:
      'The query does not fit the schema (an unknown field, a missing argument); also a fetch the network executor cannot analyse',
  },
  BAD_REQUEST: {
    origin: 'both',
    httpStatus: 400,
    raisedBy: 'Apollo Server',
    description:
      'The HTTP request is not a GraphQL request: no query, a wrong content type, or a GET refused as possible CSRF',
  },
  OPERATION_RESOLUTION_FAILURE: {
    origin: 'node',
    httpStatus: 400,
    raisedBy: 'Apollo Server',
    description: '`operationName` names no operation of the document, or several need one named',
  },
  INVALID_GRAPHQL: {
    origin: 'hub',
    httpStatus: 500,
    raisedBy: 'Apollo Gateway',
    description:
      "`operationName` names no operation of the document, as the hub's planner reports it",
  },
  PERSISTED_QUERY_NOT_FOUND: {
    origin: 'both',
    raisedBy: 'Apollo Server',
    description: 'An automatic persisted query hash is not known yet: send the query text with it',
  },
  DOWNSTREAM_SERVICE_ERROR: {
    origin: 'hub',
    raisedBy: 'Apollo Gateway',
    description:
      'A subgraph fetch failed with an error that had no code of its own (`extensions.serviceName` says which)',
  },
} as const satisfies Record<string, ErrorCodeDefinition>;

export type ErrorCode = keyof typeof ErrorCodes;

export const ERROR_CODES = Object.keys(ErrorCodes) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ErrorCodes, value);
}
