import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Every error code a commune node or the hub may return, with what it means.
 * The README's error table is written from this registry; add a code here first.
 */
export const ErrorCodes = {
  BAD_USER_INPUT:
    'An argument or input field is invalid; `extensions.problems` lists each field and why.',
  UNAUTHENTICATED: 'The identity presented is missing, forged or expired.',
  FORBIDDEN: 'The caller has no role allowing this in the commune concerned.',
  NOT_FOUND: 'The object named does not exist in this commune.',
  WRONG_COMMUNE: 'The request names a commune this node does not serve.',
  EXPORT_NOT_CONFIGURED:
    "An export needs a setting this node lacks (the commune's SIRET or KBO number); HTTP 503.",
  INTERNAL_SERVER_ERROR:
    'An unexpected failure; details are in the server log, not in the response.',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

/** One invalid input field: its path from the argument (`input.address.postalCode`) and why. */
export interface FieldProblem {
  field: string;
  reason: string;
  /** For problems inside a submitted file (a publiccode.yml): the line it is on, from 1. */
  line?: number;
}

/** A failure the domain expects; mapped to a GraphQL error once, in `formatError`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Invalid input: every problem found, reported at once. */
export class BadUserInput extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    super(
      'BAD_USER_INPUT',
      problems.map((p) => `${p.field}: ${p.reason}`).join('; '),
      // `field` and `reason` of the first problem make the common single-field case easy to read.
      { field: problems[0]?.field, reason: problems[0]?.reason, problems },
    );
  }
}

export const badInput = (field: string, reason: string): BadUserInput =>
  new BadUserInput([{ field, reason }]);

export class Forbidden extends DomainError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

export class NotFound extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} does not exist`, { id });
  }
}

/**
 * The one place where errors become GraphQL errors. Domain errors keep their code and
 * details; GraphQL's own validation errors keep theirs; anything else is logged and hidden.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (err: unknown) => void = (err) => console.error(err),
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof DomainError) {
    return {
      ...formatted,
      message: original.message,
      extensions: { ...stripStack(formatted.extensions), code: original.code, ...original.details },
    };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    return { ...formatted, extensions: stripStack(formatted.extensions) };
  }
  log(original ?? error);
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function stripStack(extensions: Record<string, unknown> | undefined): Record<string, unknown> {
  const { stacktrace: _stacktrace, ...rest } = extensions ?? {};
  return rest;
}
