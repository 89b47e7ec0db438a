import { createHash, createPublicKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import { rolesIn, type Identity, type Role } from './identity';

/** Issuer of every identity the hub forwards; the audience is the one commune it is for. */
export const IDENTITY_ISSUER = 'commune-hub';
export const IDENTITY_ALGORITHM = 'ES256';
/** Long enough for one call to one commune; each call gets its own token. */
export const IDENTITY_LIFETIME_SECONDS = 30;
/** Nodes refuse longer-lived tokens: a bound on how long they must remember a token's id. */
export const MAX_IDENTITY_LIFETIME_SECONDS = 60;
/** Claim telling a commune where the caller holds no role that they are staff elsewhere. */
export const NETWORK_STAFF_CLAIM = 'network_staff';

/** The hub's private key, with the id (`kid`) nodes find its public half by in the hub's JWKS. */
export interface HubSigningKey {
  privateKey: KeyObject;
  kid: string;
}

/** A public key as the hub's `/.well-known/jwks.json` lists it. */
export interface PublicJwk {
  kty: string;
  crv?: string;
  x?: string;
  y?: string;
  kid: string;
  alg: string;
  use: 'sig';
}

/** The hub's key ready to sign; refuses keys that are not ES256 (EC P-256) private keys. */
export function hubSigningKey(privateKey: KeyObject): HubSigningKey {
  const curve = privateKey.asymmetricKeyDetails?.namedCurve;
  if (privateKey.type !== 'private' || curve !== 'prime256v1') {
    throw new Error('the hub identity key must be an ES256 (EC P-256) private key');
  }
  return { privateKey, kid: thumbprintOf(publicJwkOf(privateKey)) };
}

/** The JWKS the hub publishes: the public halves of its signing keys. */
export function jwksOf(keys: HubSigningKey[]): { keys: PublicJwk[] } {
  return {
    keys: keys.map(({ privateKey, kid }) => ({
      ...publicJwkOf(privateKey),
      kid,
      alg: IDENTITY_ALGORITHM,
      use: 'sig',
    })),
  };
}

/** What one token says about its caller, and which commune it is for. */
export interface IdentityClaims {
  audience: string;
  subject: string;
  name?: string;
  roles: Record<string, Role[]>;
  networkStaff?: boolean;
}

/**
 * Signs one identity token (ES256, synchronously: a fan-out signs many). Each has its own id
 * (`jti`) and lives `IDENTITY_LIFETIME_SECONDS`.
 */
export function signIdentityToken(claims: IdentityClaims, key: HubSigningKey): string {
  const iat = Math.floor(Date.now() / 1000);
  const header = { alg: IDENTITY_ALGORITHM, typ: 'JWT', kid: key.kid };
  const payload = {
    iss: IDENTITY_ISSUER,
    aud: claims.audience,
    sub: claims.subject,
    ...(claims.name ? { name: claims.name } : {}),
    roles: claims.roles,
    ...(claims.networkStaff ? { [NETWORK_STAFF_CLAIM]: true } : {}),
    jti: randomUUID(),
    iat,
    exp: iat + IDENTITY_LIFETIME_SECONDS,
  };
  const input = `${base64url(header)}.${base64url(payload)}`;
  const signature = sign('sha256', Buffer.from(input), {
    key: key.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${input}.${signature.toString('base64url')}`;
}

/**
 * The identity token the hub sends one commune for this caller: that commune's roles only,
 * addressed to it alone. None where the caller holds no role (the commune shows public data),
 * unless `networkStaff` asks to tell it that the caller is staff of another commune.
 */
export function identityTokenFor(
  identity: Identity,
  commune: string,
  key: HubSigningKey,
  options: { networkStaff?: boolean } = {},
): string | undefined {
  if (identity.kind === 'anonymous') return undefined;
  const who = {
    audience: commune,
    subject: identity.subject,
    ...(identity.name ? { name: identity.name } : {}),
  };
  const roles = rolesIn(identity, commune);
  if (roles.length > 0) return signIdentityToken({ ...who, roles: { [commune]: roles } }, key);
  const staffElsewhere = Object.values(identity.roles).some((held) => held.length > 0);
  if (options.networkStaff && staffElsewhere) {
    return signIdentityToken({ ...who, roles: {}, networkStaff: true }, key);
  }
  return undefined;
}

function publicJwkOf(privateKey: KeyObject): Pick<PublicJwk, 'kty' | 'crv' | 'x' | 'y'> {
  const { kty, crv, x, y } = createPublicKey(privateKey).export({ format: 'jwk' });
  return { kty: kty!, crv: crv!, x: x!, y: y! };
}

/** RFC 7638 thumbprint: the same key always gets the same `kid`, a new key a new one. */
function thumbprintOf(jwk: Pick<PublicJwk, 'kty' | 'crv' | 'x' | 'y'>): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
