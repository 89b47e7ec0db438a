import { generateKeyPair, SignJWT, type KeyLike } from 'jose';
import type { KeyObject } from 'node:crypto';
import { hubSigningKey, identityTokenFor, silentLogger, type Role } from '@communes/kit';
import { startHub, type HubOptions, type RunningHub } from '@communes/hub';
import { createTestDatabase, type DatabaseKind } from './databases';
import { postGraphQL } from './graphql-client';
import { freshIdentityHeaders, onlyScopeOf } from './identities';

export const TEST_ISSUER = 'https://idp.communes.test';
/** The audience the test issuer mints its tokens for: this hub's client id there. */
export const TEST_AUDIENCE = 'communes-hub';

export interface TestHub extends RunningHub {
  /** Public half of the hub's identity key: what nodes trust. */
  identityPublicKey: KeyObject;
  /** Headers a node accepts as coming from this hub, for seeding a node directly. */
  nodeHeadersFor(roles: Record<string, Role[]>): Promise<Record<string, string>>;
  /** An OIDC token from the test issuer with these roles. */
  tokenFor(roles: Record<string, Role[]>, subject?: string): Promise<string>;
  query<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): ReturnType<typeof postGraphQL<T>>;
  /** Registers a node's subgraphs (the directory unless named) with the hub, as its admin. */
  register(code: string, name: string, baseUrl: string, subgraphs?: string[]): Promise<void>;
}

/**
 * A hub on port 0 with a fresh database, a test OIDC issuer, and its own identity key. Issuers
 * in `options` are trusted beside the test issuer (which registers nodes as hub admin).
 */
export async function startTestHub(
  database: DatabaseKind,
  options: Partial<HubOptions> = {},
): Promise<TestHub> {
  const db = await createTestDatabase(database);
  const identity = await generateKeyPair('ES256', { extractable: true });
  const issuer = await generateKeyPair('ES256', { extractable: true });
  const hub = await startHub({
    database: db.target,
    port: 0,
    identityKey: identity.privateKey as KeyObject,
    healthIntervalMs: 3_600_000,
    membershipPollMs: 3_600_000,
    logger: silentLogger,
    // Test nodes listen on 127.0.0.1.
    allowPrivateEndpoints: true,
    ...options,
    // The test issuer vouches for every commune and for hub roles, as the demo's does.
    issuers: [
      {
        issuer: TEST_ISSUER,
        publicKey: issuer.publicKey,
        audience: TEST_AUDIENCE,
        communes: ['*'],
        hubRoles: true,
      },
      ...(options.issuers ?? []),
    ],
  });
  const tokenFor = (roles: Record<string, Role[]>, subject = 'user@communes.test') =>
    new SignJWT({ commune_roles: roles })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(issuer.privateKey as KeyLike);
  const query = <T>(text: string, variables?: Record<string, unknown>, token?: string) =>
    postGraphQL<T>(
      `${hub.url}/graphql`,
      text,
      variables,
      token ? { authorization: `Bearer ${token}` } : {},
    );
  const admin = await tokenFor({ hub: ['admin'] }, 'admin@hub.test');
  return {
    ...hub,
    identityPublicKey: identity.publicKey as KeyObject,
    tokenFor,
    query,
    async nodeHeadersFor(roles) {
      const key = hubSigningKey(identity.privateKey as KeyObject);
      const user = { kind: 'user' as const, subject: 'seed@hub.test', roles };
      return freshIdentityHeaders(() => identityTokenFor(user, onlyScopeOf(roles), key) ?? '');
    },
    async register(code, name, baseUrl, subgraphs = ['directory']) {
      const response = await query(
        `mutation($input: RegisterCommuneInput!) { registerCommune(input: $input) { code status } }`,
        {
          input: {
            code,
            name,
            subgraphs: subgraphs.map((subgraph) => ({
              name: subgraph,
              url: `${baseUrl}/${subgraph}/graphql`,
            })),
          },
        },
        admin,
      );
      if (response.errors?.length)
        throw new Error(`registering ${code}: ${JSON.stringify(response.errors)}`);
    },
    async close() {
      await hub.close();
      await db.drop();
    },
  };
}
