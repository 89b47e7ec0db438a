import {
  createRemoteJWKSet,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import {
  ANONYMOUS,
  DomainError,
  isCommuneCode,
  isRole,
  type Identity,
  type Role,
} from '@communes/kit';
import { HUB_SCOPE } from '../registry/registry.service';

/**
 * An OIDC issuer the hub trusts for client tokens (a commune's IdP, a regional eID, the hub
 * administrators' IdP), and what it may vouch for.
 */
export interface TrustedIssuer {
  issuer: string;
  /** JWKS URL of the issuer, or a public key for issuers without one (tests, the demo). */
  jwksUrl?: string;
  publicKey?: KeyLike;
  /** The `aud` its tokens must carry for this hub (its client id here): required. */
  audience: string;
  /** Commune codes it may grant roles in; `["*"]` for every commune. None by default. */
  communes?: string[];
  /** Whether it may grant hub roles (`hub: admin`). Not by default. */
  hubRoles?: boolean;
  /** Oldest token accepted, and longest lifetime (`exp - iat`); 3600 s by default. */
  maxTokenAgeSeconds?: number;
}

export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 3600;

/** Claim that lists a user's roles per commune code (`{ "BE-92094": ["editor"] }`). */
export const ROLES_CLAIM = 'commune_roles';

/** Where the hub says that a token claimed more than its issuer may grant. */
export interface ClientAuthLogger {
  warn(fields: object, message?: string): void;
}

interface Trusted {
  key: JWTVerifyGetKey | KeyLike;
  issuer: TrustedIssuer;
  maxAge: number;
}

/**
 * Reads the caller's identity from `Authorization: Bearer <OIDC token>`. No header:
 * anonymous. A token no trusted issuer signed, one for another audience, an expired one or
 * one older or longer-lived than its issuer allows is refused. Roles outside the issuer's
 * scope are dropped and logged.
 */
export function createClientAuthenticator(
  issuers: TrustedIssuer[],
  logger: ClientAuthLogger = { warn: () => {} },
) {
  const trusted = new Map<string, Trusted>();
  for (const issuer of issuers) {
    if (!issuer.audience) throw new Error(`issuer ${issuer.issuer} needs an audience`);
    const key =
      issuer.publicKey ??
      (issuer.jwksUrl ? createRemoteJWKSet(new URL(issuer.jwksUrl)) : undefined);
    if (!key) throw new Error(`issuer ${issuer.issuer} needs a jwksUrl or a publicKey`);
    const maxAge = issuer.maxTokenAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_SECONDS;
    trusted.set(issuer.issuer, { key, issuer, maxAge });
  }
  return async function authenticate(authorization: string | undefined): Promise<Identity> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new DomainError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>"');
    const token = match[1]!;
    const issuer = issuerOf(token);
    const found = issuer ? trusted.get(issuer) : undefined;
    if (!found)
      throw new DomainError(
        'UNAUTHENTICATED',
        `Token issuer ${issuer ?? '(none)'} is not trusted by this hub`,
      );
    const payload = await verified(token, found);
    const subject = String(payload.sub);
    const { granted, ignored } = scopedRoles(payload[ROLES_CLAIM], found.issuer);
    if (ignored.length > 0) {
      logger.warn(
        { issuer: found.issuer.issuer, subject, ignored },
        'token claims roles outside its issuer scope; ignored',
      );
    }
    return {
      kind: 'user',
      subject,
      ...(typeof payload['name'] === 'string' ? { name: payload['name'] } : {}),
      roles: granted,
    };
  };
}

async function verified(token: string, { key, issuer, maxAge }: Trusted): Promise<JWTPayload> {
  const checks = {
    issuer: issuer.issuer,
    audience: issuer.audience,
    requiredClaims: ['exp', 'iat', 'sub'],
    maxTokenAge: maxAge,
  };
  try {
    const { payload } =
      typeof key === 'function'
        ? await jwtVerify(token, key, checks)
        : await jwtVerify(token, key, checks);
    const lifetime = payload.exp! - payload.iat!;
    if (lifetime > maxAge) throw new Error(`token lives ${lifetime} s, more than ${maxAge}`);
    return payload;
  } catch (error: unknown) {
    throw new DomainError('UNAUTHENTICATED', `Token refused: ${(error as Error).message}`);
  }
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

/** The roles the issuer may grant, and the scopes (commune codes, `hub`) it claimed beyond. */
function scopedRoles(
  claim: unknown,
  issuer: TrustedIssuer,
): { granted: Record<string, Role[]>; ignored: string[] } {
  const granted: Record<string, Role[]> = {};
  const ignored: string[] = [];
  if (typeof claim !== 'object' || claim === null) return { granted, ignored };
  const communes = new Set(issuer.communes ?? []);
  for (const [scope, list] of Object.entries(claim)) {
    if (!Array.isArray(list)) continue;
    const allowed =
      scope === HUB_SCOPE
        ? issuer.hubRoles === true
        : isCommuneCode(scope) && (communes.has('*') || communes.has(scope));
    if (allowed) granted[scope] = list.filter(isRole);
    else ignored.push(scope);
  }
  return { granted, ignored };
}
