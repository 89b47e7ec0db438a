import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, DEFAULT_QUERY_LIMITS, DEFAULT_RATE_LIMIT } from '@communes/kit';
import { loadHubConfig } from '@communes/hub';
import { loadNodeConfig } from '@communes/node';

const node = { COMMUNE_CODE: 'BE-92094', COMMUNE_NAME: 'Namur' };
const hub = {
  HUB_IDENTITY_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString(),
};

describe('the limits as deployments set them', () => {
  it('default to the documented values on hub and node', () => {
    const expected = { ...DEFAULT_QUERY_LIMITS, defaultListSize: 10 };
    expect(loadHubConfig(hub).limits).toEqual(expected);
    expect(loadHubConfig(hub).rateLimit).toEqual({ ...DEFAULT_RATE_LIMIT, trustProxyHops: 0 });
    expect(loadNodeConfig(node).limits).toEqual(expected);
    expect(loadNodeConfig(node).statementTimeoutMs).toBe(5_000);
  });

  it('are read from the environment', () => {
    const env = {
      MAX_QUERY_DEPTH: '8',
      MAX_QUERY_ALIASES: '5',
      MAX_QUERY_TOKENS: '900',
      MAX_QUERY_DIRECTIVES: '4',
      MAX_QUERY_COST: '20000',
      QUERY_COST_LIST_SIZE: '25',
    };
    const limits = {
      maxDepth: 8,
      maxAliases: 5,
      maxTokens: 900,
      maxDirectives: 4,
      maxCost: 20_000,
      defaultListSize: 25,
    };
    expect(loadNodeConfig({ ...node, ...env, STATEMENT_TIMEOUT_MS: '2000' })).toMatchObject({
      limits,
      statementTimeoutMs: 2_000,
    });
    const rate = { RATE_LIMIT_POINTS: '0', RATE_LIMIT_WINDOW_SECONDS: '10', TRUST_PROXY_HOPS: '1' };
    expect(loadHubConfig({ ...hub, ...env, ...rate })).toMatchObject({
      limits,
      rateLimit: { points: 0, windowSeconds: 10, trustProxyHops: 1 },
    });
  });

  it.each([
    ['MAX_QUERY_DEPTH', 'deep'],
    ['MAX_QUERY_COST', '0'],
    ['RATE_LIMIT_WINDOW_SECONDS', '0'],
    ['RATE_LIMIT_POINTS', '-1'],
  ])('refuses %s=%s, naming it', (variable, value) => {
    expect(() => loadHubConfig({ ...hub, [variable]: value })).toThrow(
      expect.objectContaining({ variable }) as ConfigError,
    );
  });
});
