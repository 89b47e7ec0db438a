import { SignJWT, generateKeyPair } from 'jose';
import { testDatabaseKinds } from '../support/databases';
import { TEST_ISSUER, startTestHub, type TestHub } from '../support/test-hub';

/** A token in the test issuer's name, signed with a key the hub has never seen. */
async function forgedToken(): Promise<string> {
  const stranger = await generateKeyPair('ES256');
  return new SignJWT({ commune_roles: { hub: ['admin'] } })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(TEST_ISSUER)
    .setSubject('mallory@communes.test')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(stranger.privateKey);
}

describe('a refused token is HTTP 401 UNAUTHENTICATED on every hub route', () => {
  const database = testDatabaseKinds()[0]!;
  let hub: TestHub;
  let token: string;

  beforeAll(async () => {
    hub = await startTestHub(database);
    token = await forgedToken();
  });
  afterAll(() => hub.close());

  it.each(['/graphql', '/registry/graphql', '/network/directory/graphql'])('%s', async (path) => {
    const response = await fetch(`${hub.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: any[]; data?: unknown };
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toEqual(expect.any(String));
    expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });
});
