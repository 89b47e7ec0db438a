import type { GraphQLFormattedError } from 'graphql';
import { Agent, request as httpRequest, type Dispatcher } from 'undici';
import type { CircuitBreaker } from './circuit-breaker';

/** A commune as the executor calls it for one subgraph. */
export interface CommuneTarget {
  code: string;
  /** The commune's GraphQL endpoint for this subgraph. */
  url: string;
}

export interface CommuneRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string | null;
  headers: Record<string, string>;
}

export type CommuneOutcome =
  | { ok: true; data: Record<string, unknown> | null; errors: GraphQLFormattedError[]; ms: number }
  | { ok: false; reason: string; ms: number };

export interface CallOptions {
  timeoutMs: number;
  /** Absolute time (ms since epoch) by which the whole request must be answered. */
  deadline: number;
  breaker: CircuitBreaker;
  /** Connection pool to the communes; keep-alive, one per hub by default. */
  dispatcher?: Dispatcher;
  /** Largest answer read from one commune; a larger one is cut off while it arrives. */
  maxAnswerBytes?: number;
  /** Aborted when the hub's own client went away: the call stops, and it is no commune's failure. */
  signal?: AbortSignal | undefined;
}

/** A commune's answer is its data for one fetch: a few hundred kilobytes for the largest page. */
export const DEFAULT_MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** Keep-alive connections to every commune, shared by all requests of the hub. */
const sharedAgent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000 });

/**
 * Calls one commune with its own timeout, bounded by the request's deadline. Never throws:
 * a failure is an outcome, so one commune cannot fail the others.
 */
export async function callCommune(
  target: CommuneTarget,
  request: CommuneRequest,
  options: CallOptions,
): Promise<CommuneOutcome> {
  const started = Date.now();
  const left = (ms: number): CommuneOutcome => ({ ok: false, reason: 'the client went away', ms });
  if (options.signal?.aborted) return left(0);
  if (!options.breaker.allow(target.code))
    return { ok: false, reason: 'circuit open after repeated failures', ms: 0 };
  const budget = Math.min(options.timeoutMs, options.deadline - started);
  if (budget <= 0) return { ok: false, reason: 'request deadline passed', ms: 0 };
  try {
    // undici's request rather than fetch: a fan-out to 50 communes pays its per-call cost 50 times.
    const response = await httpRequest(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...request.headers,
      },
      body: JSON.stringify({
        query: request.query,
        variables: request.variables,
        operationName: request.operationName ?? undefined,
      }),
      signal: options.signal
        ? AbortSignal.any([AbortSignal.timeout(budget), options.signal])
        : AbortSignal.timeout(budget),
      dispatcher: options.dispatcher ?? sharedAgent,
    });
    const maxBytes = options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
    const text = await readCapped(response.body, maxBytes);
    if (text === null) {
      options.breaker.failed(target.code);
      return {
        ok: false,
        reason: `answer larger than ${maxBytes} bytes`,
        ms: Date.now() - started,
      };
    }
    let outcome = readAnswer(parseJson(text), Date.now() - started);
    if (!outcome.ok && response.statusCode >= 400) {
      outcome = { ...outcome, reason: `HTTP ${response.statusCode}: ${outcome.reason}` };
    }
    if (outcome.ok) options.breaker.succeeded(target.code);
    else options.breaker.failed(target.code);
    return outcome;
  } catch (error: unknown) {
    if (options.signal?.aborted) {
      options.breaker.abandoned(target.code);
      return left(Date.now() - started);
    }
    options.breaker.failed(target.code);
    const timedOut =
      Date.now() - started >= budget || (error as { name?: string }).name === 'TimeoutError';
    return {
      ok: false,
      reason: timedOut ? `no answer within ${budget} ms` : `unreachable: ${errorText(error)}`,
      ms: Date.now() - started,
    };
  }
}

/**
 * The body as text, or null as soon as it passes `max` bytes: the rest is never read nor
 * kept, so a commune cannot make the hub buffer an answer of any size.
 */
async function readCapped(
  body: Dispatcher.ResponseData['body'],
  max: number,
): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > max) {
      body.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A GraphQL response, or a description of why it is not one. */
function readAnswer(body: unknown, ms: number): CommuneOutcome {
  if (typeof body !== 'object' || body === null)
    return { ok: false, reason: 'answer is not a GraphQL response', ms };
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if (data !== undefined && data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    return { ok: false, reason: 'answer has malformed data', ms };
  }
  if (errors !== undefined && !Array.isArray(errors))
    return { ok: false, reason: 'answer has malformed errors', ms };
  if (data === undefined && !errors)
    return { ok: false, reason: 'answer has neither data nor errors', ms };
  return {
    ok: true,
    data: (data as Record<string, unknown> | null) ?? null,
    errors: (errors as GraphQLFormattedError[]) ?? [],
    ms,
  };
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : error.message;
  }
  return String(error);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
