import type { KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { DomainError } from './errors';
import { ANONYMOUS, isRole, type Identity, type Role } from './identity';
import {
  IDENTITY_ALGORITHM,
  IDENTITY_ISSUER,
  MAX_IDENTITY_LIFETIME_SECONDS,
  NETWORK_STAFF_CLAIM,
} from './identity-token';
import { SeenTokenIds } from './seen-token-ids';

/** Where a node finds the hub's public key: pinned in its configuration, or the hub's JWKS. */
export type HubKeySource =
  | { publicKey: KeyObject }
  | {
      jwksUrl: string;
      /** Least time between two JWKS fetches on meeting an unknown key id (default 5 s). */
      cooldownMs?: number;
    };

export interface IdentityVerifierOptions {
  /** This node's commune code: the only audience it accepts. */
  audience: string;
  /** None: the node accepts anonymous requests only. */
  hubKey?: HubKeySource | undefined;
  /** Ids of tokens already accepted; one per process, shared by every subgraph it serves. */
  seen?: SeenTokenIds;
  /** Clock difference tolerated between hub and node. */
  clockToleranceSeconds?: number;
}

/** Reads the identity header of one request: anonymous, or a user of this commune. */
export type IdentityVerifier = (header: string | undefined) => Promise<Identity>;

/**
 * Checks hub-signed identity tokens for one commune. No header: anonymous. Refused: a token
 * not signed by the hub, expired, addressed to another commune, living longer than
 * `MAX_IDENTITY_LIFETIME_SECONDS`, or whose id was already used. Roles for other communes are
 * dropped.
 */
export function createIdentityVerifier(options: IdentityVerifierOptions): IdentityVerifier {
  const key = keyOf(options.hubKey);
  const seen = options.seen ?? new SeenTokenIds();
  const tolerance = options.clockToleranceSeconds ?? 5;
  return async (header) => {
    if (!header) return ANONYMOUS;
    if (!key) throw refused('this node trusts no hub key; it accepts anonymous requests only');
    const payload = await verified(header, key, options.audience, tolerance);
    const { jti, iat, exp } = payload as Required<JWTPayload>;
    if (exp - iat > MAX_IDENTITY_LIFETIME_SECONDS) {
      throw refused(
        `identity token lives ${exp - iat} s, more than ${MAX_IDENTITY_LIFETIME_SECONDS}`,
      );
    }
    const sighting = seen.remember(jti, (exp + tolerance) * 1000);
    if (sighting === 'seen') throw refused('identity token already used');
    if (sighting === 'full') throw refused('too many identity tokens in flight; try again');
    const roles = ownRoles(payload['roles'], options.audience);
    return {
      kind: 'user',
      subject: String(payload.sub),
      ...(typeof payload['name'] === 'string' ? { name: payload['name'] } : {}),
      roles: roles.length > 0 ? { [options.audience]: roles } : {},
      ...(payload[NETWORK_STAFF_CLAIM] === true ? { networkStaff: true } : {}),
    };
  };
}

type Key = KeyObject | JWTVerifyGetKey;

function keyOf(source: HubKeySource | undefined): Key | undefined {
  if (!source) return undefined;
  if ('publicKey' in source) return source.publicKey;
  return createRemoteJWKSet(new URL(source.jwksUrl), {
    cooldownDuration: source.cooldownMs ?? 5_000,
  });
}

async function verified(
  token: string,
  key: Key,
  audience: string,
  clockTolerance: number,
): Promise<JWTPayload> {
  const checks = {
    issuer: IDENTITY_ISSUER,
    audience,
    algorithms: [IDENTITY_ALGORITHM],
    requiredClaims: ['exp', 'iat', 'sub', 'jti'],
    clockTolerance,
  };
  try {
    const { payload } =
      typeof key === 'function'
        ? await jwtVerify(token, key, checks)
        : await jwtVerify(token, key, checks);
    return payload;
  } catch (error: unknown) {
    throw refused(error instanceof Error ? error.message : String(error));
  }
}

function ownRoles(claim: unknown, commune: string): Role[] {
  if (typeof claim !== 'object' || claim === null) return [];
  const list = (claim as Record<string, unknown>)[commune];
  return Array.isArray(list) ? list.filter(isRole) : [];
}

function refused(reason: string): DomainError {
  return new DomainError('UNAUTHENTICATED', `Identity token refused: ${reason}`);
}
