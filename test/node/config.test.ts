import { ConfigError } from '@communes/kit';
import { loadNodeConfig } from '@communes/node';
import { loadHubConfig } from '@communes/hub';
import { generateKeyPairSync } from 'node:crypto';
import { runCli } from '../support/cli';

const valid = { COMMUNE_CODE: 'BE-92094', COMMUNE_NAME: 'Namur' };

describe('a commune node refuses a bad configuration at boot, naming the variable', () => {
  it.each([
    [{ COMMUNE_CODE: undefined }, 'COMMUNE_CODE', /required/],
    [{ COMMUNE_CODE: 'BE-1234' }, 'COMMUNE_CODE', /NIS/],
    [{ COMMUNE_CODE: '92094' }, 'COMMUNE_CODE', /BE-/],
    [{ COMMUNE_NAME: '  ' }, 'COMMUNE_NAME', /name/],
    [{ PORT: 'eighty' }, 'PORT', /.+/],
    [{ PORT: '70000' }, 'PORT', /.+/],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL', /postgres/],
    [{ HUB_PUBLIC_KEY: 'not a key' }, 'HUB_PUBLIC_KEY', /PEM|JWK/],
  ])('%o', (override, variable, reason) => {
    const env = { ...valid, ...override } as NodeJS.ProcessEnv;
    for (const [k, v] of Object.entries(override)) if (v === undefined) delete env[k];
    expect(() => loadNodeConfig(env)).toThrow(ConfigError);
    try {
      loadNodeConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toMatch(reason);
    }
  });

  it('defaults to the embedded database under DATA_DIR/<code>', () => {
    const config = loadNodeConfig({ ...valid, DATA_DIR: '/srv/communes/' });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/srv/communes/BE-92094' });
    expect(config.commune).toEqual({ code: 'BE-92094', name: 'Namur', country: 'BE' });
  });

  it('stops the node process with the message before opening anything', async () => {
    const result = await runCli('subgraphs/node/src/main.ts', [], {
      COMMUNE_CODE: 'XX-1',
      COMMUNE_NAME: 'Nowhere',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Invalid configuration: COMMUNE_CODE/);
  });
});

describe('the hub refuses a bad configuration, naming the variable', () => {
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  it.each([
    [{}, 'HUB_IDENTITY_KEY'],
    [{ HUB_IDENTITY_KEY: 'nope' }, 'HUB_IDENTITY_KEY'],
    [{ HUB_IDENTITY_KEY: key, OIDC_ISSUERS: '{"issuer":1}' }, 'OIDC_ISSUERS'],
    [{ HUB_IDENTITY_KEY: key, COMMUNE_TIMEOUT_MS: '-5' }, 'COMMUNE_TIMEOUT_MS'],
  ])('%o', (env, variable) => {
    expect(() => loadHubConfig(env)).toThrow(ConfigError);
    try {
      loadHubConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
    }
  });

  it('accepts a complete configuration', () => {
    const config = loadHubConfig({ HUB_IDENTITY_KEY: key, DATABASE_URL: 'postgres://hub@db/hub' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://hub@db/hub' });
    expect(config.port).toBe(4000);
  });
});
