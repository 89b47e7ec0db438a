import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ErrorCode } from './error-codes';

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

/** A write for a commune this node does not serve: a bad `commune` argument, with its own code. */
export class WrongCommune extends BadUserInput {
  override readonly code = 'WRONG_COMMUNE';

  constructor(served: string, named: string) {
    super([{ field: 'commune', reason: `this node serves ${served}, not ${named}` }]);
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

/** An error as a response lists it, with a registered code (for answers built by hand). */
export function formattedError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
  path?: readonly (string | number)[],
): GraphQLFormattedError {
  return { message, ...(path ? { path } : {}), extensions: { code, ...extensions } };
}

const INTERNAL: ErrorCode = 'INTERNAL_SERVER_ERROR';

/**
 * The one place where errors become GraphQL errors. Domain errors keep their code and
 * details, however deep the gateway wrapped them; codes GraphQL and Apollo give their own
 * errors are kept; anything else is logged and hidden.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  /** Where an unexpected error goes: the server's logger (the error mapping passes it). */
  log: (err: unknown) => void,
): GraphQLFormattedError {
  const cause = rootCause(error);
  if (cause instanceof DomainError) {
    return {
      ...formatted,
      message: cause.message,
      extensions: { ...stripStack(formatted.extensions), code: cause.code, ...cause.details },
    };
  }
  const code = formatted.extensions?.['code'];
  // The gateway codes an exception thrown in the hub's own registry like a subgraph's error.
  const crashed =
    code === 'DOWNSTREAM_SERVICE_ERROR' &&
    cause instanceof Error &&
    !(cause instanceof GraphQLError);
  if (typeof code === 'string' && code !== INTERNAL && !crashed) {
    return { ...formatted, extensions: stripStack(formatted.extensions) };
  }
  log(cause ?? error);
  return {
    ...formattedError(INTERNAL, 'Internal server error', {}, formatted.path),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
  };
}

/** What was thrown first: a resolver's error under GraphQL's, under the gateway's. */
function rootCause(error: unknown): unknown {
  let cause = error;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  return cause;
}

function stripStack(extensions: Record<string, unknown> | undefined): Record<string, unknown> {
  const { stacktrace: _stacktrace, ...rest } = extensions ?? {};
  return rest;
}
