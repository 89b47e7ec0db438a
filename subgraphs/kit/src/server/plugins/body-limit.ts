import express from 'express';
import type { ServerPlugin } from '../plugin';

export const DEFAULT_MAX_BODY_BYTES = 1_000_000;

/**
 * The JSON body parser of every route, in one place: a body over `maxBytes` is refused with
 * HTTP 413 (answered by the error mapping, code BAD_REQUEST) before any GraphQL work.
 */
export function useBodyLimit(options: { maxBytes?: number | undefined } = {}): ServerPlugin {
  const parse = express.json({ limit: options.maxBytes ?? DEFAULT_MAX_BODY_BYTES });
  return { name: 'body-limit', express: (app) => app.use(parse) };
}
