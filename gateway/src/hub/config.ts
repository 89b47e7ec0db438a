import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import {
  ConfigError,
  databaseEnv,
  databaseTargetOf,
  listenEnv,
  loadConfig,
  readKey,
  type LogLevel,
} from '@communes/kit';
import type { HubOptions } from './server';
import type { TrustedIssuer } from './client-auth';

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
  /** JSON list of trusted OIDC issuers: [{"issuer": "...", "jwksUrl": "..."}]. */
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
export function loadHubConfig(env: NodeJS.ProcessEnv): HubConfig {
  const e = loadConfig(envSchema, env);
  let issuers: TrustedIssuer[];
  try {
    issuers = issuersSchema.parse(JSON.parse(e.OIDC_ISSUERS));
  } catch {
    throw new ConfigError('OIDC_ISSUERS', 'must be a JSON list of {"issuer", "jwksUrl"} objects');
  }
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
    logLevel: e.LOG_LEVEL,
  };
}

function parsePrivateKey(text: string): KeyObject {
  const key = readKey(text, 'private');
  if (!key) throw new ConfigError('HUB_IDENTITY_KEY', 'must be a PEM (PKCS#8) or JWK private key');
  return key;
}
