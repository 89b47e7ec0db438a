import type { Request, RequestHandler } from 'express';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { formattedError } from '../../errors';
import type { ServerPlugin } from '../plugin';

export const DEFAULT_RATE_LIMIT = { points: 600, windowSeconds: 60 } as const;

export interface RateLimitOptions {
  /** Requests one client may send per window; 0 turns the limit off. */
  points?: number | undefined;
  windowSeconds?: number | undefined;
  /** Who the client is: a verified token's subject, else its address (`ip:<address>` by default). */
  clientOf?: ((req: Request) => Promise<string> | string) | undefined;
  /**
   * PostgreSQL that every replica shares (its table `rate_limits`), asked for at the first
   * request; undefined counts in this process's memory.
   */
  store?: (() => DataSource | undefined) | undefined;
  /** How many proxies in front of the server to believe about the client's address (default 0). */
  trustProxyHops?: number | undefined;
  /** Paths never limited: orchestrators' health checks. */
  exempt?: readonly string[] | undefined;
}

const count = (fallback: number) =>
  z.coerce.number().int('must be a whole number').min(0).default(fallback);

/** The rate limit's environment variables. */
export const rateLimitEnv = {
  RATE_LIMIT_POINTS: count(DEFAULT_RATE_LIMIT.points),
  RATE_LIMIT_WINDOW_SECONDS: count(DEFAULT_RATE_LIMIT.windowSeconds).pipe(z.number().positive()),
  TRUST_PROXY_HOPS: count(0),
};

/**
 * A per-client request budget per window (rate-limiter-flexible), checked before the body is
 * read: a client past it gets HTTP 429 with `Retry-After` and a RATE_LIMITED error saying
 * when to come back. Put it first, before the body limit.
 */
export function useRateLimit(options: RateLimitOptions = {}): ServerPlugin {
  const points = options.points ?? DEFAULT_RATE_LIMIT.points;
  const windowSeconds = options.windowSeconds ?? DEFAULT_RATE_LIMIT.windowSeconds;
  const clientOf = options.clientOf ?? ((req: Request) => `ip:${req.ip}`);
  const exempt = new Set(options.exempt ?? ['/health']);
  let limiter: Promise<RateLimiterAbstract> | undefined;
  const shape = { points, duration: windowSeconds, keyPrefix: 'client' };

  const limit: RequestHandler = async (req, res, next) => {
    if (exempt.has(req.path)) return next();
    try {
      const key = await clientOf(req);
      limiter ??= createLimiter(shape, options.store?.()).catch((error: unknown) => {
        limiter = undefined; // the next request tries again
        throw error;
      });
      await (await limiter).consume(key);
      next();
    } catch (error: unknown) {
      if (!(error instanceof RateLimiterRes)) return next(error);
      const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      res.setHeader('Retry-After', String(retryAfterSeconds));
      res.status(429).json({
        errors: [
          formattedError(
            'RATE_LIMITED',
            `Too many requests: ${points} per ${windowSeconds} s allowed; retry in ${retryAfterSeconds} s`,
            { retryAfterSeconds, limit: points, windowSeconds },
          ),
        ],
      });
    }
  };
  return {
    name: 'rate-limit',
    express(app) {
      app.set('trust proxy', options.trustProxyHops ?? 0);
      if (points > 0) app.use(limit);
    },
  };
}

async function createLimiter(
  shape: { points: number; duration: number; keyPrefix: string },
  db: DataSource | undefined,
): Promise<RateLimiterAbstract> {
  if (!db) return new RateLimiterMemory(shape);
  return new Promise((resolve, reject) => {
    // The library creates its table if missing, tolerating replicas that race to do it.
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      {
        ...shape,
        storeClient: db,
        storeType: 'typeorm',
        tableName: 'rate_limits',
        // A database hiccup counts in memory for a while rather than refusing everyone.
        insuranceLimiter: new RateLimiterMemory(shape),
      },
      (error?: unknown) => (error ? reject(error) : resolve(limiter)),
    );
  });
}
