import type { KeyObject } from 'node:crypto';
import { parseExpression } from 'cron-parser';
import { z } from 'zod';
import {
  COMMUNE_CODE_FORMAT,
  ConfigError,
  databaseEnv,
  databaseTargetOf,
  isCommuneCode,
  listenEnv,
  loadConfig,
  queryLimitsEnv,
  queryLimitsOf,
  rateLimitEnv,
  readKey,
  type LogLevel,
} from '@communes/kit';
import type { HubOptions } from './server';
import { DEFAULT_MAX_TOKEN_AGE_SECONDS, type TrustedIssuer } from './client-auth';
import {
  DEFAULT_REPORT_JOB_EXPIRE_SECONDS,
  DEFAULT_REPORT_SCHEDULE,
  DEFAULT_REPORTS_RETENTION_DAYS,
} from '../reports/reports.module';

/** The hub's settings as read from the environment: its options, and how much it logs. */
export type HubConfig = Omit<HubOptions, 'logger' | 'plugins'> & { logLevel: LogLevel };

const ms = (fallback: number) =>
  z.coerce.number().int('must be a whole number of milliseconds').positive().default(fallback);

const envSchema = z.object({
  ...databaseEnv,
  ...listenEnv(4000),
  /** Secret: the private key that signs identities forwarded to nodes. */
  HUB_IDENTITY_KEY: z.string({
    message: 'is required (PEM PKCS#8 or JWK of an ES256 private key)',
  }),
  /** JSON list of trusted OIDC issuers and their scopes (see `issuerSchema`). */
  OIDC_ISSUERS: z.string().default('[]'),
  COMMUNE_TIMEOUT_MS: ms(5_000),
  REQUEST_DEADLINE_MS: ms(10_000),
  CIRCUIT_FAILURES: z.coerce.number().int().positive().default(5),
  CIRCUIT_OPEN_MS: ms(30_000),
  HEALTH_INTERVAL_MS: ms(60_000),
  MEMBERSHIP_POLL_MS: ms(5_000),
  /** Largest answer read from one commune for one fetch, in bytes. */
  COMMUNE_MAX_ANSWER_BYTES: z.coerce
    .number()
    .int('must be a whole number of bytes')
    .positive()
    .default(4 * 1024 * 1024),
  /** `true` lets endpoints be on loopback and private addresses (one machine, one LAN). */
  ALLOW_PRIVATE_ENDPOINTS: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('false'),
  /** Cron expression (5 fields, the hub's time zone) of the scheduled report runs: nightly at 3. */
  REPORT_SCHEDULE: z
    .string()
    .trim()
    .refine(isCron, 'must be a cron expression of 5 fields (0 3 * * *)')
    .default(DEFAULT_REPORT_SCHEDULE),
  /** Days report snapshots are kept (the latest good one of each commune stays regardless). */
  REPORTS_RETENTION_DAYS: z.coerce
    .number()
    .int('must be a whole number of days')
    .positive()
    .default(DEFAULT_REPORTS_RETENTION_DAYS),
  /** Seconds a report run may stay active before another hub takes it for abandoned and retries it. */
  REPORT_JOB_EXPIRE_SECONDS: z.coerce
    .number()
    .int('must be a whole number of seconds')
    .positive()
    .default(DEFAULT_REPORT_JOB_EXPIRE_SECONDS),
  /** Communes a report run reads at once. */
  REPORT_CONCURRENCY: z.coerce.number().int().positive().max(64).default(8),
  ...queryLimitsEnv,
  ...rateLimitEnv,
});

/**
 * One trusted login provider: `{ issuer, jwksUrl, audience, communes: ["BE-92094"] | ["*"],
 * hubRoles, maxTokenAgeSeconds }`. It grants roles in no commune and no hub roles unless
 * told; unknown keys are refused, so that a misspelt scope is not silently ignored.
 */
const issuerSchema = z.strictObject({
  issuer: z.string().url(),
  jwksUrl: z.string().url(),
  audience: z
    .string({ message: 'is required: the client id its tokens are minted for' })
    .min(1, 'is required: the client id its tokens are minted for'),
  communes: z
    .array(
      z.string().refine((code) => code === '*' || isCommuneCode(code), {
        message: `must list commune codes (${COMMUNE_CODE_FORMAT}) or "*"`,
      }),
    )
    .default([]),
  hubRoles: z.boolean().default(false),
  maxTokenAgeSeconds: z.number().int().positive().default(DEFAULT_MAX_TOKEN_AGE_SECONDS),
});

/** Every variable the hub reads. */
export const HUB_ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** The hub's settings from the environment; a bad one fails with its variable's name. */
export function loadHubConfig(env: NodeJS.ProcessEnv): HubConfig {
  const e = loadConfig(envSchema, env);
  const issuers = parseIssuers(e.OIDC_ISSUERS);
  return {
    database: databaseTargetOf(e, 'hub'),
    host: e.HOST,
    port: e.PORT,
    identityKey: parsePrivateKey(e.HUB_IDENTITY_KEY),
    issuers,
    communeTimeoutMs: e.COMMUNE_TIMEOUT_MS,
    requestDeadlineMs: e.REQUEST_DEADLINE_MS,
    circuit: { failureThreshold: e.CIRCUIT_FAILURES, openMs: e.CIRCUIT_OPEN_MS },
    healthIntervalMs: e.HEALTH_INTERVAL_MS,
    membershipPollMs: e.MEMBERSHIP_POLL_MS,
    maxCommuneAnswerBytes: e.COMMUNE_MAX_ANSWER_BYTES,
    allowPrivateEndpoints: e.ALLOW_PRIVATE_ENDPOINTS === 'true',
    limits: queryLimitsOf(e),
    rateLimit: {
      points: e.RATE_LIMIT_POINTS,
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
      trustProxyHops: e.TRUST_PROXY_HOPS,
    },
    reports: {
      schedule: e.REPORT_SCHEDULE,
      retentionDays: e.REPORTS_RETENTION_DAYS,
      jobExpireSeconds: e.REPORT_JOB_EXPIRE_SECONDS,
      concurrency: e.REPORT_CONCURRENCY,
    },
    logLevel: e.LOG_LEVEL,
  };
}

function parseIssuers(text: string): TrustedIssuer[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!Array.isArray(json)) {
    throw new ConfigError('OIDC_ISSUERS', 'must be a JSON list of {"issuer", "jwksUrl", ...}');
  }
  return json.map((entry: unknown, i) => {
    const parsed = issuerSchema.safeParse(entry);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const name = (entry as { issuer?: unknown } | null)?.issuer;
    const which = `entry ${i}${typeof name === 'string' ? ` (${name})` : ''}`;
    const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? '' : 'entry');
    throw new ConfigError('OIDC_ISSUERS', `${which}: ${field ? `${field} ` : ''}${issue.message}`);
  });
}

/** Five fields, each one the scheduler (pg-boss, through cron-parser) accepts. */
function isCron(text: string): boolean {
  if (!/^\S+( \S+){4}$/.test(text)) return false;
  try {
    parseExpression(text);
    return true;
  } catch {
    return false;
  }
}

function parsePrivateKey(text: string): KeyObject {
  const key = readKey(text, 'private');
  if (!key) throw new ConfigError('HUB_IDENTITY_KEY', 'must be a PEM (PKCS#8) or JWK private key');
  return key;
}
