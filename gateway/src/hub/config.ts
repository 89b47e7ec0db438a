import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { readKey, type DatabaseTarget } from '@communes/kit';
import type { HubOptions } from './server';
import type { TrustedIssuer } from './client-auth';

export class HubConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'HubConfigError';
  }
}

const ms = (fallback: number) =>
  z.coerce.number().int('must be a whole number of milliseconds').positive().default(fallback);

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int('must be a whole number').min(0).max(65535).default(4000),
  /** Secret: the private key that signs identities forwarded to nodes. */
  HUB_IDENTITY_KEY: z.string({
    message: 'is required (PEM PKCS#8 or JWK of an ES256 private key)',
  }),
  /** JSON list of trusted OIDC issuers: [{"issuer": "...", "jwksUrl": "..."}]. */
  OIDC_ISSUERS: z.string().default('[]'),
  COMMUNE_TIMEOUT_MS: ms(5_000),
  REQUEST_DEADLINE_MS: ms(10_000),
  CIRCUIT_FAILURES: z.coerce.number().int().positive().default(5),
  CIRCUIT_OPEN_MS: ms(30_000),
  HEALTH_INTERVAL_MS: ms(60_000),
  MEMBERSHIP_POLL_MS: ms(5_000),
});

const issuersSchema = z.array(
  z.object({
    issuer: z.string().url(),
    jwksUrl: z.string().url(),
    audience: z.string().optional(),
  }),
);

/** Every variable the hub reads. */
export const HUB_ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** The hub's settings from the environment; a bad one fails with its variable's name. */
export function loadHubConfig(env: NodeJS.ProcessEnv): Omit<HubOptions, 'log'> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HubConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const e = parsed.data;
  const database: DatabaseTarget = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL }
    : { kind: 'pglite', dataDir: `${e.DATA_DIR.replace(/\/$/, '')}/hub` };
  let issuers: TrustedIssuer[];
  try {
    issuers = issuersSchema.parse(JSON.parse(e.OIDC_ISSUERS));
  } catch {
    throw new HubConfigError(
      'OIDC_ISSUERS',
      'must be a JSON list of {"issuer", "jwksUrl"} objects',
    );
  }
  return {
    database,
    host: e.HOST,
    port: e.PORT,
    identityKey: parsePrivateKey(e.HUB_IDENTITY_KEY),
    issuers,
    communeTimeoutMs: e.COMMUNE_TIMEOUT_MS,
    requestDeadlineMs: e.REQUEST_DEADLINE_MS,
    circuit: { failureThreshold: e.CIRCUIT_FAILURES, openMs: e.CIRCUIT_OPEN_MS },
    healthIntervalMs: e.HEALTH_INTERVAL_MS,
    membershipPollMs: e.MEMBERSHIP_POLL_MS,
  };
}

function parsePrivateKey(text: string): KeyObject {
  const key = readKey(text, 'private');
  if (!key)
    throw new HubConfigError('HUB_IDENTITY_KEY', 'must be a PEM (PKCS#8) or JWK private key');
  return key;
}
