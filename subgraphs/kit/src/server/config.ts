import { z } from 'zod';
import type { DatabaseTarget } from '../database';
import { LOG_LEVELS } from './logger';

/** A setting the process cannot start with; the message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

/** Where a server process listens and how much it logs. */
export function listenEnv(defaultPort: number) {
  return {
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int('must be a whole number').min(0).max(65535).default(defaultPort),
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
      .default('info'),
  };
}

/** PostgreSQL when `DATABASE_URL` is set, else an embedded database under `DATA_DIR`. */
export const databaseEnv = {
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
};

export function databaseTargetOf(
  env: { DATABASE_URL?: string | undefined; DATA_DIR: string },
  folder: string,
): DatabaseTarget {
  return env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL }
    : { kind: 'pglite', dataDir: `${env.DATA_DIR.replace(/\/$/, '')}/${folder}` };
}

/**
 * Validates the environment against a schema of variables; the first bad one fails with its
 * name. A missing variable "is required", unless the schema's own message says more.
 */
export function loadConfig<T extends z.ZodObject>(schema: T, env: NodeJS.ProcessEnv): z.output<T> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const variable = String(issue.path[0] ?? 'environment');
  const missing = issue.code === 'invalid_type' && env[variable] === undefined;
  throw new ConfigError(
    variable,
    missing && !issue.message.startsWith('is required') ? 'is required' : issue.message,
  );
}
