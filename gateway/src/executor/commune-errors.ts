import type { GraphQLFormattedError } from 'graphql';
import { networkError } from './errors';

/** Distinct errors kept from one commune's answer to one fetch. */
export const MAX_ERRORS_PER_COMMUNE = 10;
/** Longest message kept from a commune's error; the rest is cut. */
const MAX_MESSAGE_LENGTH = 1_000;
/** An error larger than this (as JSON) keeps only its code of all its extensions. */
const MAX_ERROR_BYTES = 16_384;
/** Unknown commune codes listed in the one error that reports them. */
export const MAX_LISTED_CODES = 20;

/**
 * A commune's errors as the hub passes them on: one per cause (code and message), with
 * `extensions.count` when the cause came more than once, at most `MAX_ERRORS_PER_COMMUNE`
 * causes, each of bounded size. A commune cannot flood a client with its errors.
 */
export function condenseErrors(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const causes = new Map<string, { error: GraphQLFormattedError; count: number }>();
  let omitted = 0;
  for (const error of errors) {
    const bounded = boundedError(error);
    const key = `${String(bounded.extensions?.['code'])}\n${bounded.message}`;
    const cause = causes.get(key);
    if (cause) cause.count += 1;
    else if (causes.size < MAX_ERRORS_PER_COMMUNE) causes.set(key, { error: bounded, count: 1 });
    else omitted += 1;
  }
  const kept = [...causes.values()].map(({ error, count }) =>
    count > 1 ? { ...error, extensions: { ...error.extensions, count } } : error,
  );
  if (omitted > 0 && kept.length > 0) {
    const last = kept[kept.length - 1]!;
    // Whoever reads the errors learns that the commune said more than is shown.
    kept[kept.length - 1] = { ...last, extensions: { ...last.extensions, omittedErrors: omitted } };
  }
  return kept;
}

/** An error a client can hold: a message of bounded length, extensions of bounded size. */
function boundedError(error: GraphQLFormattedError): GraphQLFormattedError {
  const message =
    typeof error.message !== 'string'
      ? 'error without a message'
      : error.message.length > MAX_MESSAGE_LENGTH
        ? `${error.message.slice(0, MAX_MESSAGE_LENGTH)}…`
        : error.message;
  const bounded = { ...error, message };
  if (JSON.stringify(bounded).length <= MAX_ERROR_BYTES) return bounded;
  const code = error.extensions?.['code'];
  const path = error.path && JSON.stringify(error.path).length <= 1_000 ? error.path : undefined;
  return {
    message,
    ...(path ? { path } : {}),
    ...(typeof code === 'string' && code.length <= 64 ? { extensions: { code } } : {}),
  };
}

/**
 * One error for every commune a field names that does not serve the subgraph: the first
 * `MAX_LISTED_CODES` codes, and how many there were.
 */
export function unknownCommunesError(
  codes: readonly string[],
  serviceName: string,
  path?: (string | number)[],
): GraphQLFormattedError {
  const listed = codes.slice(0, MAX_LISTED_CODES);
  const more = codes.length - listed.length;
  const names = `${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  return networkError(
    'UNKNOWN_COMMUNE',
    codes.length === 1
      ? `${names} is not an active member serving ${serviceName}`
      : `${codes.length} communes named are not active members serving ${serviceName}: ${names}`,
    {
      // `commune` as on every error about one commune; `communes` lists them all (capped).
      ...(codes.length === 1 ? { commune: codes[0] } : {}),
      communes: listed,
      unknownCount: codes.length,
      serviceName,
    },
    path,
  );
}
