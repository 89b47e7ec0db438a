import type { GraphQLFormattedError } from 'graphql';

/** Error codes the network executor adds; the README's table lists them with the node's. */
export const NetworkErrorCodes = {
  COMMUNE_UNAVAILABLE:
    'A commune did not answer in time, failed, or answered garbage; its part is missing.',
  COMMUNE_DATA_REFUSED:
    "A commune's answer claimed data of another commune; that data was dropped.",
  UNKNOWN_COMMUNE:
    'The request names a commune that is not an active member serving this subgraph.',
  BAD_USER_INPUT: 'An argument given to the hub is invalid (a network cursor, a commune code).',
} as const;

export type NetworkErrorCode = keyof typeof NetworkErrorCodes;

export function networkError(
  code: NetworkErrorCode,
  message: string,
  extensions: Record<string, unknown>,
  path?: (string | number)[],
): GraphQLFormattedError {
  return { message, ...(path ? { path } : {}), extensions: { code, ...extensions } };
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
