import type { ErrorRequestHandler } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCodes, type ErrorCodeDefinition } from '../../error-codes';
import { DomainError, formatError, formattedError } from '../../errors';
import type { Logger } from '../logger';
import type { ServerPlugin } from '../plugin';

/**
 * Domain errors become GraphQL errors with their code, everywhere: in every Apollo server's
 * responses, for a request refused while its context was built (a refused token: HTTP 401),
 * and on plain routes (`/network/<subgraph>/graphql`, exports). Anything unexpected is logged
 * and answered as INTERNAL_SERVER_ERROR; no stack trace leaves the process. The shell always
 * puts it first.
 */
export function useErrorMapping(): ServerPlugin {
  return {
    name: 'error-mapping',
    formatError: (formatted, error, { logger }) => formatError(formatted, error, logTo(logger)),
    contextError: (error) =>
      error instanceof DomainError
        ? new GraphQLError(error.message, {
            originalError: error,
            extensions: { code: error.code, http: { status: statusOf(error) } },
          })
        : undefined,
    expressAfterRoutes: (app, { logger }) => app.use(answerError(logger)),
  };
}

/** The status of a request refused as a whole: the code's own, else the client's fault. */
function statusOf(error: DomainError): number {
  const definition: ErrorCodeDefinition = ErrorCodes[error.code];
  return definition.httpStatus ?? (error.code === 'INTERNAL_SERVER_ERROR' ? 500 : 400);
}

/** The last Express error handler: a JSON GraphQL-style error body instead of Express's page. */
function answerError(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (res.headersSent) {
      // The status line is gone: cutting the response is how the client learns of it.
      logger.error({ err: error }, 'request failed after its answer began');
      res.destroy();
      return;
    }
    const [status, body] = plainAnswer(error, logger);
    res.status(status).json({ errors: [body] });
  };
}

function plainAnswer(error: unknown, logger: Logger): [number, GraphQLFormattedError] {
  if (error instanceof DomainError)
    return [statusOf(error), formatError({ message: error.message }, error, logTo(logger))];
  // Errors Express's body parser throws for the client (malformed JSON, a body too large).
  const http = error as { status?: unknown; expose?: unknown; message?: unknown };
  if (typeof http.status === 'number' && http.status >= 400 && http.status < 500 && http.expose)
    return [http.status, formattedError('BAD_REQUEST', String(http.message))];
  return [500, formatError({ message: 'unexpected' }, error, logTo(logger))];
}

const logTo =
  (logger: Logger) =>
  (error: unknown): void =>
    logger.error({ err: error }, 'internal error');
