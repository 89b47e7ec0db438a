import { SignJWT, jwtVerify, type KeyLike } from 'jose';
import { DomainError, Forbidden } from './errors';
import { IDENTITY_ISSUER } from './identity-token';

/** Roles a user may hold in a commune. */
export type Role = 'editor' | 'secretary' | 'admin';

/**
 * Who is calling: nobody in particular, or a user with roles per commune code. At a node,
 * `roles` holds that commune's roles only; `networkStaff` says the user holds a role in
 * another commune (the hub tells the subgraphs that show staff of any commune more).
 */
export type Identity =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      subject: string;
      name?: string;
      roles: Record<string, Role[]>;
      networkStaff?: boolean;
    };

export const ANONYMOUS: Identity = { kind: 'anonymous' };

/** The header that carries the hub-signed identity from the hub to a commune node. */
export const IDENTITY_HEADER = 'x-hub-identity';

// Legacy, replaced by identity-token.ts and identity-verifier.ts; removed once callers move.
export const IDENTITY_AUDIENCE = 'commune-node';
const IDENTITY_ALGORITHM = 'ES256';
const IDENTITY_LIFETIME = '2m';

type Key = KeyLike;

/** Signs a short-lived identity token; only the hub holds the private key. */
export async function signIdentity(identity: Identity, privateKey: Key): Promise<string> {
  if (identity.kind === 'anonymous') throw new Error('anonymous callers carry no identity token');
  return new SignJWT({ roles: identity.roles, ...(identity.name ? { name: identity.name } : {}) })
    .setProtectedHeader({ alg: IDENTITY_ALGORITHM })
    .setSubject(identity.subject)
    .setIssuer(IDENTITY_ISSUER)
    .setAudience(IDENTITY_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(IDENTITY_LIFETIME)
    .sign(privateKey);
}

/**
 * Reads the caller's identity from the hub's header. No header: anonymous. A header that
 * is forged, expired or unsigned, or any header when this node trusts no hub key, is refused.
 */
export async function identityFromHeader(
  header: string | undefined,
  hubPublicKey: Key | undefined,
): Promise<Identity> {
  if (!header) return ANONYMOUS;
  if (!hubPublicKey) {
    throw new DomainError(
      'UNAUTHENTICATED',
      'This node trusts no hub key; it accepts anonymous requests only',
    );
  }
  try {
    const { payload } = await jwtVerify(header, hubPublicKey, {
      issuer: IDENTITY_ISSUER,
      audience: IDENTITY_AUDIENCE,
      algorithms: [IDENTITY_ALGORITHM],
      requiredClaims: ['exp', 'sub'],
    });
    return {
      kind: 'user',
      subject: String(payload.sub),
      ...(typeof payload['name'] === 'string' ? { name: payload['name'] } : {}),
      roles: parseRoles(payload['roles']),
    };
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError('UNAUTHENTICATED', `Identity token refused: ${reason}`);
  }
}

function parseRoles(claim: unknown): Record<string, Role[]> {
  if (typeof claim !== 'object' || claim === null) return {};
  const roles: Record<string, Role[]> = {};
  for (const [commune, list] of Object.entries(claim)) {
    if (Array.isArray(list)) roles[commune] = list.filter(isRole);
  }
  return roles;
}

export function isRole(value: unknown): value is Role {
  return value === 'editor' || value === 'secretary' || value === 'admin';
}

export function rolesIn(identity: Identity, communeCode: string): Role[] {
  return identity.kind === 'user' ? (identity.roles[communeCode] ?? []) : [];
}

/** Refuses the call unless the caller holds one of `roles` in `communeCode`. */
export function requireRole(identity: Identity, communeCode: string, roles: Role[]): void {
  const held = rolesIn(identity, communeCode);
  if (roles.some((role) => held.includes(role))) return;
  if (identity.kind === 'anonymous') {
    throw new Forbidden(
      `Anonymous callers cannot do this; sign in with a ${roles.join(' or ')} role in ${communeCode}`,
    );
  }
  throw new Forbidden(`${identity.subject} has no ${roles.join(' or ')} role in ${communeCode}`);
}
