import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { ANONYMOUS, DomainError, type Identity, type Role } from '@communes/kit';

/** An OIDC issuer the hub trusts for client tokens (a commune's IdP, eID/itsme, the demo). */
export interface TrustedIssuer {
  issuer: string;
  /** JWKS URL of the issuer, or a public key for issuers without one (tests, the demo). */
  jwksUrl?: string;
  publicKey?: KeyLike;
  audience?: string;
}

/** Claim that lists a user's roles per commune code (`{ "BE-92094": ["editor"] }`). */
export const ROLES_CLAIM = 'commune_roles';

/**
 * Reads the caller's identity from `Authorization: Bearer <OIDC token>`. No header:
 * anonymous. A token no trusted issuer signed, or an expired one, is refused.
 */
export function createClientAuthenticator(issuers: TrustedIssuer[]) {
  const keys = new Map<string, { key: JWTVerifyGetKey | KeyLike; audience?: string }>();
  for (const issuer of issuers) {
    const key =
      issuer.publicKey ??
      (issuer.jwksUrl ? createRemoteJWKSet(new URL(issuer.jwksUrl)) : undefined);
    if (!key) throw new Error(`issuer ${issuer.issuer} needs a jwksUrl or a publicKey`);
    keys.set(issuer.issuer, { key, ...(issuer.audience ? { audience: issuer.audience } : {}) });
  }
  return async function authenticate(authorization: string | undefined): Promise<Identity> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new DomainError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>"');
    const token = match[1]!;
    const issuer = issuerOf(token);
    const trusted = issuer ? keys.get(issuer) : undefined;
    if (!trusted)
      throw new DomainError(
        'UNAUTHENTICATED',
        `Token issuer ${issuer ?? '(none)'} is not trusted by this hub`,
      );
    try {
      const { payload } = await jwtVerify(token, trusted.key as KeyLike, {
        issuer: issuer!,
        requiredClaims: ['exp', 'sub'],
        ...(trusted.audience ? { audience: trusted.audience } : {}),
      });
      return {
        kind: 'user',
        subject: String(payload.sub),
        ...(typeof payload['name'] === 'string' ? { name: payload['name'] } : {}),
        roles: rolesFrom(payload[ROLES_CLAIM]),
      };
    } catch (error: unknown) {
      throw new DomainError('UNAUTHENTICATED', `Token refused: ${(error as Error).message}`);
    }
  };
}

function issuerOf(token: string): string | null {
  try {
    const payload = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as { iss?: unknown };
    return typeof payload.iss === 'string' ? payload.iss : null;
  } catch {
    return null;
  }
}

function rolesFrom(claim: unknown): Record<string, Role[]> {
  if (typeof claim !== 'object' || claim === null) return {};
  const roles: Record<string, Role[]> = {};
  for (const [scope, list] of Object.entries(claim)) {
    if (Array.isArray(list)) {
      roles[scope] = list.filter(
        (r): r is Role => r === 'editor' || r === 'secretary' || r === 'admin',
      );
    }
  }
  return roles;
}
