import type { GraphQLFormattedError } from 'graphql';
import { formattedError, type ErrorCode } from '@communes/kit';

/** An error the executor adds to an answer; its code is one of the registry's (`@communes/kit`). */
export function networkError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown>,
  path?: (string | number)[],
): GraphQLFormattedError {
  return formattedError(code, message, extensions, path);
}

/** Marks an error from a commune with where it came from; fanned-out paths stop at the root field. */
export function stamp(
  error: GraphQLFormattedError,
  commune: string,
  serviceName: string,
  truncatePath: boolean,
): GraphQLFormattedError {
  const path = error.path && truncatePath ? error.path.slice(0, 1) : error.path;
  return {
    ...error,
    ...(path ? { path } : {}),
    extensions: { ...error.extensions, commune, serviceName },
  };
}
