import { z } from 'zod';
import { ConfigError, databaseEnv, databaseTargetOf, listenEnv, loadConfig } from './config';

const schema = z.object({
  COMMUNE_CODE: z.string().regex(/^BE-\d{5}$/, 'must be BE- and 5 digits'),
  ...databaseEnv,
  ...listenEnv(4001),
});

function failure(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(schema, env);
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('loadConfig', () => {
  it('names a missing variable as required', () => {
    const error = failure({});
    expect(error.variable).toBe('COMMUNE_CODE');
    expect(error.message).toBe('Invalid configuration: COMMUNE_CODE is required');
  });

  it.each([
    [{ COMMUNE_CODE: '92094' }, 'COMMUNE_CODE must be BE- and 5 digits'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: 'eighty' }, 'PORT'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    ],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL must be a postgres:// URL'],
  ])('names the bad variable and why: %o', (override, message) => {
    const error = failure({ COMMUNE_CODE: 'BE-92094', ...override });
    expect(error.message).toMatch(new RegExp(`^Invalid configuration: ${message}`));
  });

  it('fills in the defaults and reads where the data lives', () => {
    const env = loadConfig(schema, { COMMUNE_CODE: 'BE-92094' });
    expect(env).toMatchObject({ HOST: '0.0.0.0', PORT: 4001, LOG_LEVEL: 'info' });
    expect(databaseTargetOf(env, 'hub')).toEqual({ kind: 'pglite', dataDir: './data/hub' });
    const url = 'postgres://hub@db/hub';
    expect(databaseTargetOf({ ...env, DATABASE_URL: url }, 'hub')).toEqual({
      kind: 'postgres',
      url,
    });
  });
});
