import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { ConfigError, recordingLogger, type Role } from '@communes/kit';
import { loadHubConfig, type TrustedIssuer } from '@communes/hub';
import { testDatabaseKinds } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import { snapshot } from '../support/snapshot';
import { startTestHub, type TestHub } from '../support/test-hub';
import { startTestNode, type TestNode } from '../support/test-node';
import { LIEGE, NAMUR } from '../fixtures/communes';
import { namurBusiness } from '../fixtures/businesses';

const AUDIENCE = 'communes-hub';
const HOUR = 3600;
const CREATE = `mutation($commune: ID!, $input: CreateBusinessInput!) {
  createBusiness(commune: $commune, input: $input) { id } }`;
const SUSPEND = `mutation($code: ID!) { suspendCommune(code: $code, reason: "pris en main") { status } }`;
const STATUS = `query($code: ID!) { commune(code: $code) { status } }`;
const TABLES = ['business', 'business_activity'];

/** An identity provider of the test: its issuer entry for the hub, and tokens it mints. */
function identityProvider(issuer: string, scope: Omit<TrustedIssuer, 'issuer' | 'audience'>) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    trusted: { issuer, publicKey, audience: AUDIENCE, ...scope } as TrustedIssuer,
    /** A token with these roles; claims given override the defaults (`iat: null` drops it). */
    mint(roles: Record<string, Role[]>, claims: Record<string, unknown> = {}): Promise<string> {
      const now = Math.floor(Date.now() / 1000);
      const payload: Record<string, unknown> = {
        iss: issuer,
        aud: AUDIENCE,
        sub: `agent@${new URL(issuer).hostname}`,
        commune_roles: roles,
        iat: now,
        exp: now + 600,
        ...claims,
      };
      for (const [name, value] of Object.entries(payload)) if (value === null) delete payload[name];
      return new SignJWT(payload).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
    },
  };
}

describe.each(testDatabaseKinds())('scoped login providers, on %s', (database) => {
  // Namur's own IdP vouches for Namur only; a regional eID for every commune; neither for the hub.
  const namurIdp = identityProvider('https://idp.namur.test', {
    communes: [NAMUR.code],
    hubRoles: false,
    maxTokenAgeSeconds: HOUR,
  });
  const eid = identityProvider('https://eid.wallonie.test', { communes: ['*'] });
  const logger = recordingLogger();
  let hub: TestHub;
  const nodes: Record<string, TestNode> = {};

  beforeAll(async () => {
    hub = await startTestHub(database, { issuers: [namurIdp.trusted, eid.trusted], logger });
    for (const commune of [NAMUR, LIEGE]) {
      nodes[commune.code] = await startTestNode({
        ...commune,
        database,
        hubPublicKey: hub.identityPublicKey,
      });
      await hub.register(commune.code, commune.name, nodes[commune.code]!.url);
    }
  }, 240_000);
  afterAll(async () => {
    await hub?.close();
    for (const node of Object.values(nodes)) await node.close();
  });

  const create = async (commune: string, name: string, token: string) =>
    hub.query(CREATE, { commune, input: namurBusiness({ name }) }, token);

  /** The code a request was refused with; the write changed nothing on any node. */
  async function refusedWrite(commune: string, token: string): Promise<unknown> {
    const before = await Promise.all(Object.values(nodes).map((n) => snapshot(n.db, TABLES)));
    const response = await create(commune, `Refusée ${Math.random()}`, token);
    const after = await Promise.all(Object.values(nodes).map((n) => snapshot(n.db, TABLES)));
    expect(after).toEqual(before);
    return response.errors?.[0]?.extensions?.['code'];
  }

  it("cannot write in Liège with a Liège editor role claimed by Namur's provider", async () => {
    const token = await namurIdp.mint({ [LIEGE.code]: ['editor'] });
    expect(await refusedWrite(LIEGE.code, token)).toBe('FORBIDDEN');
    // The same claim from a provider scoped to every commune is honoured.
    dataOf(
      await create(LIEGE.code, 'Librairie Liégeoise', await eid.mint({ [LIEGE.code]: ['editor'] })),
    );
  });

  it("cannot suspend a commune with a hub admin role claimed by Namur's provider", async () => {
    for (const token of [
      await namurIdp.mint({ hub: ['admin'] }),
      await eid.mint({ hub: ['admin'] }),
    ]) {
      const response = await hub.query(SUSPEND, { code: LIEGE.code }, token);
      expect(response.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    expect(dataOf(await hub.query(STATUS, { code: LIEGE.code })).commune.status).toBe('ACTIVE');
  });

  it('refuses a token minted for another application', async () => {
    const token = await namurIdp.mint({ [NAMUR.code]: ['editor'] }, { aud: 'intranet-namur' });
    const response = await create(NAMUR.code, 'Pour une autre application', token);
    expect(response.status).toBe(401);
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringMatching(/"aud"/),
    });
  });

  it('refuses a token valid for 100 years', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await namurIdp.mint(
      { [NAMUR.code]: ['editor'] },
      { exp: now + 100 * 365 * 86400 },
    );
    const response = await create(NAMUR.code, 'Pour un siècle', token);
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.message).toMatch(/lives \d+ s, more than 3600/);
  });

  it("refuses a token older than its provider's maximum age, or without an issue time", async () => {
    const now = Math.floor(Date.now() / 1000);
    const old = await namurIdp.mint({ [NAMUR.code]: ['editor'] }, { iat: now - 2 * HOUR });
    const response = await create(NAMUR.code, 'Trop ancienne', old);
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.message).toMatch(/"iat" claim timestamp check failed/);
    const undated = await namurIdp.mint({ [NAMUR.code]: ['editor'] }, { iat: null });
    expect((await create(NAMUR.code, 'Sans date', undated)).status).toBe(401);
  });

  it('ignores and logs roles claimed outside the provider scope, honouring those within', async () => {
    const token = await namurIdp.mint(
      { [NAMUR.code]: ['editor'], [LIEGE.code]: ['editor'], hub: ['admin'] },
      { sub: 'double-casquette@namur.test' },
    );
    logger.entries.length = 0;
    dataOf(await create(NAMUR.code, 'Boulangerie dans le périmètre', token));
    expect(await refusedWrite(LIEGE.code, token)).toBe('FORBIDDEN');
    const warnings = logger.entries.filter((e) => e.msg?.includes('outside its issuer scope'));
    expect(warnings[0]).toMatchObject({
      level: 40,
      issuer: 'https://idp.namur.test',
      subject: 'double-casquette@namur.test',
      ignored: [LIEGE.code, 'hub'],
    });
  });
});

describe('trusted issuers in the configuration', () => {
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const configWith = (issuers: object[]) =>
    loadHubConfig({ HUB_IDENTITY_KEY: key, OIDC_ISSUERS: JSON.stringify(issuers) });
  const namur = { issuer: 'https://idp.namur.be', jwksUrl: 'https://idp.namur.be/jwks' };

  it('refuses an issuer without an audience, naming the variable', () => {
    expect(() => configWith([namur])).toThrow(ConfigError);
    expect(() => configWith([namur])).toThrow(/OIDC_ISSUERS .*https:\/\/idp\.namur\.be.*audience/);
  });

  it('reads scopes, hub roles and maximum age, granting nothing unless said', () => {
    const config = configWith([
      { ...namur, audience: 'communes-hub', communes: [NAMUR.code], maxTokenAgeSeconds: 900 },
      {
        issuer: 'https://admin.uvcw.be',
        jwksUrl: 'https://admin.uvcw.be/jwks',
        audience: 'hub',
        hubRoles: true,
      },
    ]);
    expect(config.issuers).toEqual([
      expect.objectContaining({ communes: [NAMUR.code], hubRoles: false, maxTokenAgeSeconds: 900 }),
      expect.objectContaining({ communes: [], hubRoles: true, maxTokenAgeSeconds: HOUR }),
    ]);
    expect(() => configWith([{ ...namur, audience: 'a', communes: ['Namur'] }])).toThrow(
      /OIDC_ISSUERS/,
    );
  });
});
