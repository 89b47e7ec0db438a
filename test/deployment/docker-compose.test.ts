import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { parse } from 'yaml';
import { NODE_ENV_VARIABLES, loadNodeConfig } from '@communes/node';
import { HUB_ENV_VARIABLES, loadHubConfig } from '@communes/hub';

const ROOT = join(__dirname, '..', '..');

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
}

/** docker-compose.yml with YAML merge keys applied and ${VAR} replaced as a `.env` would. */
function loadCompose(env: Record<string, string>): Record<string, Service> {
  const parsed = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, Service>;
  };
  const substitute = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(
        /\$\{(\w+)(:-([^}]*))?\}/g,
        (_m, name: string, _d, fallback: string | undefined) => env[name] ?? fallback ?? '',
      );
    }
    if (Array.isArray(value)) return value.map(substitute);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v)]));
    }
    return value;
  };
  return substitute(parsed.services) as Record<string, Service>;
}

describe('docker-compose.yml matches the code', () => {
  const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const env = {
    POSTGRES_PASSWORD: 'secret',
    HUB_IDENTITY_KEY: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    HUB_PUBLIC_KEY: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    OIDC_ISSUERS:
      '[{"issuer":"https://idp.example.be","jwksUrl":"https://idp.example.be/jwks","audience":"commune-federation","communes":["*"]}]',
  };
  const services = loadCompose(env);
  const entries = Object.entries(services);
  const ofCommand = (file: string) =>
    entries.filter(([, s]) => s.command?.join(' ').includes(file));
  const hubs = ofCommand('gateway/bin/hub.ts');
  const nodes = ofCommand('subgraphs/node/src/main.ts');

  it('describes one hub and three communes, each commune with its own database', () => {
    expect(hubs).toHaveLength(1);
    expect(nodes).toHaveLength(3);
    const databases = nodes.map(([, s]) => new URL(s.environment!['DATABASE_URL']!).host);
    expect(new Set(databases).size).toBe(3);
  });

  it('starts each service with a command that exists in the repository', () => {
    for (const [name, service] of [...hubs, ...nodes]) {
      const file = service.command!.find((part) => part.endsWith('.ts'))!;
      expect([name, existsSync(join(ROOT, file))]).toEqual([name, true]);
      expect(service.build ?? service.image).toBeDefined();
    }
  });

  it('sets only variables the code reads, and ones it accepts', () => {
    for (const [name, service] of nodes) {
      const unknown = Object.keys(service.environment!).filter(
        (v) => !NODE_ENV_VARIABLES.includes(v),
      );
      expect([name, unknown]).toEqual([name, []]);
      const config = loadNodeConfig(service.environment!);
      expect(config.database.kind).toBe('postgres');
      expect(config.hubPublicKey).toBeDefined();
      expect(service.ports).toContain(`${config.port}:${config.port}`);
    }
    const [, hub] = hubs[0]!;
    expect(Object.keys(hub.environment!).filter((v) => !HUB_ENV_VARIABLES.includes(v))).toEqual([]);
    const config = loadHubConfig(hub.environment!);
    expect(config.database.kind).toBe('postgres');
    expect(hub.ports).toContain(`${config.port}:${config.port}`);
  });

  it('gives communes distinct official codes', () => {
    const codes = nodes.map(([, s]) => loadNodeConfig(s.environment!).commune.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('makes each service wait for the database it connects to, with matching credentials', () => {
    for (const [name, service] of [...hubs, ...nodes]) {
      const url = new URL(service.environment!['DATABASE_URL']!);
      const database = services[url.hostname];
      expect([name, database?.image]).toEqual([name, expect.stringMatching(/^postgres:/)]);
      expect(service.depends_on?.[url.hostname]).toEqual({ condition: 'service_healthy' });
      expect(database!.environment).toMatchObject({
        POSTGRES_USER: url.username,
        POSTGRES_PASSWORD: url.password,
        POSTGRES_DB: url.pathname.slice(1),
      });
    }
    for (const [, service] of entries) {
      for (const dependency of Object.keys(service.depends_on ?? {}))
        expect(services[dependency]).toBeDefined();
    }
  });
});
