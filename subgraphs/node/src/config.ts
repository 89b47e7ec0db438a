import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import {
  COMMUNE_CODE_FORMAT,
  ConfigError,
  countryOf,
  databaseEnv,
  databaseTargetOf,
  isCommuneCode,
  listenEnv,
  loadConfig,
  queryLimitsEnv,
  queryLimitsOf,
  readKey,
  type DatabaseTarget,
  type LogLevel,
  type NodeCommune,
  type QueryLimitOptions,
} from '@communes/kit';

/** A commune node's settings, read once from the environment and validated. */
export interface NodeConfig {
  commune: NodeCommune;
  database: DatabaseTarget;
  host: string;
  port: number;
  /** The hub's public key, pinned: the only signer of identities this node trusts. */
  hubPublicKey: KeyObject | undefined;
  /** Or where the hub publishes it (`<hub>/.well-known/jwks.json`), followed when it changes. */
  hubJwksUrl: string | undefined;
  logLevel: LogLevel;
  limits: QueryLimitOptions;
  statementTimeoutMs: number;
}

const envSchema = z.object({
  COMMUNE_CODE: z.string().refine(isCommuneCode, { message: `must be ${COMMUNE_CODE_FORMAT}` }),
  COMMUNE_NAME: z.string().trim().min(1, 'must name the commune').max(100),
  ...databaseEnv,
  ...listenEnv(4001),
  HUB_PUBLIC_KEY: z.string().optional(),
  HUB_JWKS_URL: z.string().url("must be the URL of the hub's /.well-known/jwks.json").optional(),
  /** The commune's SIRET (France) or KBO/BCE number (Belgium), for the SCDL export. */
  COMMUNE_SIRET: z
    .string()
    .regex(/^\d{14}$/, 'must be 14 digits')
    .optional(),
  COMMUNE_ENTERPRISE_NUMBER: z.string().optional(),
  ...queryLimitsEnv,
  /** Longest one SQL statement may run; the hub waits 5 s for a commune anyway. */
  STATEMENT_TIMEOUT_MS: z.coerce.number().int('must be a whole number').positive().default(5_000),
});

/** Every variable a node reads: a deployment setting anything else is a mistake. */
export const NODE_ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** Reads the node's configuration; a bad setting fails with its variable's name. */
export function loadNodeConfig(env: NodeJS.ProcessEnv): NodeConfig {
  const e = loadConfig(envSchema, env);
  if (e.HUB_PUBLIC_KEY && e.HUB_JWKS_URL) {
    throw new ConfigError('HUB_JWKS_URL', 'cannot be set with HUB_PUBLIC_KEY: choose one');
  }
  return {
    commune: {
      code: e.COMMUNE_CODE,
      name: e.COMMUNE_NAME,
      country: countryOf(e.COMMUNE_CODE),
      ...(e.COMMUNE_SIRET ? { siret: e.COMMUNE_SIRET } : {}),
      ...(e.COMMUNE_ENTERPRISE_NUMBER ? { enterpriseNumber: e.COMMUNE_ENTERPRISE_NUMBER } : {}),
    },
    database: databaseTargetOf(e, e.COMMUNE_CODE),
    host: e.HOST,
    port: e.PORT,
    hubPublicKey: e.HUB_PUBLIC_KEY ? parsePublicKey(e.HUB_PUBLIC_KEY) : undefined,
    hubJwksUrl: e.HUB_JWKS_URL,
    logLevel: e.LOG_LEVEL,
    limits: queryLimitsOf(e),
    statementTimeoutMs: e.STATEMENT_TIMEOUT_MS,
  };
}

function parsePublicKey(text: string): KeyObject {
  const key = readKey(text, 'public');
  if (!key) throw new ConfigError('HUB_PUBLIC_KEY', 'must be a PEM (SPKI) or JWK public key');
  return key;
}
