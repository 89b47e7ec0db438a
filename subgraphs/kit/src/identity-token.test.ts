import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { DomainError } from './errors';
import { ANONYMOUS, type Identity } from './identity';
import {
  IDENTITY_ISSUER,
  MAX_IDENTITY_LIFETIME_SECONDS,
  hubSigningKey,
  identityTokenFor,
  jwksOf,
  signIdentityToken,
  type HubSigningKey,
} from './identity-token';
import { createIdentityVerifier, type IdentityVerifier } from './identity-verifier';

const NAMUR = 'BE-92094';
const LILLE = 'FR-59350';

const newKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const hub = newKey();
const stranger = newKey();
const signingKey: HubSigningKey = hubSigningKey(hub.privateKey);

const clerk: Identity = {
  kind: 'user',
  subject: 'clerk@namur.example',
  name: 'Anne Clerc',
  roles: { [NAMUR]: ['secretary', 'editor'], [LILLE]: ['admin'] },
};

/** A node of Namur trusting the hub's key, with its own memory of tokens already used. */
const namurNode = (): IdentityVerifier =>
  createIdentityVerifier({ audience: NAMUR, hubKey: { publicKey: hub.publicKey } });

/** The claims of a token as the hub signs them for Namur, valid for 30 more seconds. */
function hubClaims(): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: IDENTITY_ISSUER,
    aud: NAMUR,
    sub: 'clerk@namur.example',
    roles: { [NAMUR]: ['editor'] },
    jti: randomUUID(),
    iat: now,
    exp: now + 30,
  };
}

/** A token with exactly these claims, signed ES256 with the hub's key unless another is given. */
function signed(claims: Record<string, unknown>, key: KeyObject = hub.privateKey): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).sign(key);
}

/** Why a node refuses a header; fails when it accepts it. */
async function refusal(header: string, verify: IdentityVerifier = namurNode()): Promise<string> {
  try {
    await verify(header);
  } catch (error: unknown) {
    if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') return error.message;
    throw error;
  }
  throw new Error('the identity header was accepted');
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('hubSigningKey and jwksOf', () => {
  it('name a key by its thumbprint, the same each time, and publish its public half', () => {
    expect(hubSigningKey(hub.privateKey).kid).toBe(signingKey.kid);
    expect(hubSigningKey(stranger.privateKey).kid).not.toBe(signingKey.kid);
    const { keys } = jwksOf([signingKey]);
    expect(keys).toEqual([
      {
        ...hub.publicKey.export({ format: 'jwk' }),
        kid: signingKey.kid,
        alg: 'ES256',
        use: 'sig',
      },
    ]);
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('refuse a public key or a key of another curve', () => {
    expect(() => hubSigningKey(hub.publicKey)).toThrow(/ES256/);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    expect(() => hubSigningKey(p384.privateKey)).toThrow(/ES256/);
  });
});

describe('identityTokenFor and a node verifying it', () => {
  it("carry a user with their name and that commune's roles only", async () => {
    const token = identityTokenFor(clerk, NAMUR, signingKey);
    expect(await namurNode()(token)).toEqual({
      kind: 'user',
      subject: 'clerk@namur.example',
      name: 'Anne Clerc',
      roles: { [NAMUR]: ['secretary', 'editor'] },
    });
  });

  it('send no token for anonymous callers, nor to a commune where the user has no role', () => {
    expect(identityTokenFor(ANONYMOUS, NAMUR, signingKey)).toBeUndefined();
    expect(identityTokenFor(clerk, 'BE-21004', signingKey)).toBeUndefined();
  });

  it('tell a commune, when asked, that the caller is staff of another one', async () => {
    const token = identityTokenFor(clerk, 'BE-21004', signingKey, { networkStaff: true });
    const brussels = createIdentityVerifier({
      audience: 'BE-21004',
      hubKey: { publicKey: hub.publicKey },
    });
    expect(await brussels(token)).toEqual({
      kind: 'user',
      subject: 'clerk@namur.example',
      name: 'Anne Clerc',
      roles: {},
      networkStaff: true,
    });
    const nobody: Identity = { kind: 'user', subject: 'x', roles: {} };
    expect(identityTokenFor(nobody, NAMUR, signingKey, { networkStaff: true })).toBeUndefined();
  });

  it('read no header as an anonymous caller', async () => {
    expect(await namurNode()(undefined)).toEqual(ANONYMOUS);
    expect(await createIdentityVerifier({ audience: NAMUR })('')).toEqual(ANONYMOUS);
  });
});

describe('a node refuses', () => {
  it('any header when it trusts no hub key', async () => {
    const token = identityTokenFor(clerk, NAMUR, signingKey)!;
    const untrusting = createIdentityVerifier({ audience: NAMUR });
    expect(await refusal(token, untrusting)).toMatch(/trusts no hub key/);
  });

  it('a token signed with another key', async () => {
    const token = signIdentityToken(
      { audience: NAMUR, subject: 'mallory', roles: { [NAMUR]: ['admin'] } },
      hubSigningKey(stranger.privateKey),
    );
    expect(await refusal(token)).toMatch(/signature verification failed/);
  });

  it('an expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 600;
    const token = await signed({ ...hubClaims(), iat: past, exp: past + 30 });
    expect(await refusal(token)).toMatch(/"exp" claim timestamp check failed/);
  });

  it('an unsigned token (alg none)', async () => {
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(hubClaims())}.`;
    expect(await refusal(token)).toMatch(/^Identity token refused/);
  });

  it('a genuine signature under a header naming another algorithm', async () => {
    const [, payload, signature] = identityTokenFor(clerk, NAMUR, signingKey)!.split('.');
    const token = `${base64url({ alg: 'ES384', typ: 'JWT' })}.${payload}.${signature}`;
    expect(await refusal(token)).toMatch(/^Identity token refused/);
  });

  it('a token addressed to another commune', async () => {
    const forLille = identityTokenFor(clerk, LILLE, signingKey)!;
    expect(await refusal(forLille)).toMatch(/"aud"/);
  });

  it('a token used twice', async () => {
    const verify = namurNode();
    const token = identityTokenFor(clerk, NAMUR, signingKey)!;
    await verify(token);
    expect(await refusal(token, verify)).toMatch(/already used/);
  });

  it('a token living longer than the most a node allows', async () => {
    const claims = hubClaims();
    const token = await signed({
      ...claims,
      exp: (claims['iat'] as number) + MAX_IDENTITY_LIFETIME_SECONDS + 1,
    });
    expect(await refusal(token)).toMatch(/more than 60/);
  });

  it('a token from another issuer, or without a subject, id or expiry', async () => {
    const without = (claim: string) => {
      const { [claim]: _dropped, ...rest } = hubClaims();
      return signed(rest);
    };
    expect(await refusal(await signed({ ...hubClaims(), iss: 'someone-else' }))).toMatch(/"iss"/);
    expect(await refusal(await without('sub'))).toMatch(/"sub"/);
    expect(await refusal(await without('jti'))).toMatch(/"jti"/);
    expect(await refusal(await without('exp'))).toMatch(/"exp"/);
  });

  it('text that is not a token', async () => {
    expect(await refusal('not.a.token')).toMatch(/^Identity token refused/);
  });
});

describe('a node reading roles', () => {
  it("keeps its own commune's known roles and drops the rest", async () => {
    const roles = { [NAMUR]: ['editor', 'mayor', 7], [LILLE]: ['admin'] };
    const token = await signed({ ...hubClaims(), roles });
    expect(await namurNode()(token)).toEqual({
      kind: 'user',
      subject: 'clerk@namur.example',
      roles: { [NAMUR]: ['editor'] },
    });
    const malformed = await signed({ ...hubClaims(), roles: 'admin' });
    expect(await namurNode()(malformed)).toMatchObject({ roles: {} });
  });
});
