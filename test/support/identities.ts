import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  IDENTITY_HEADER,
  hubSigningKey,
  identityTokenFor,
  type HubSigningKey,
  type Role,
} from '@communes/kit';

/** A hub key pair for tests: nodes trust the public half, tests sign with the private one. */
export interface TestHubKeys {
  publicKey: KeyObject;
  signingKey: HubSigningKey;
  /**
   * Headers carrying what the hub would send `audience` for a user with these roles (its roles
   * there; else that they are staff elsewhere). The audience defaults to the one scope in
   * `roles`. Every read of the header mints a new token, since a node takes each id once.
   */
  headersFor(
    roles: Record<string, Role[]>,
    subject?: string,
    audience?: string,
  ): Promise<Record<string, string>>;
}

export async function createTestHubKeys(): Promise<TestHubKeys> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signingKey = hubSigningKey(privateKey);
  return {
    publicKey,
    signingKey,
    headersFor: async (roles, subject = 'clerk@example.org', audience = onlyScopeOf(roles)) =>
      freshIdentityHeaders(
        () =>
          identityTokenFor({ kind: 'user', subject, roles }, audience, signingKey, {
            networkStaff: true,
          }) ?? '',
      ),
  };
}

/** Headers whose identity is signed anew on each read: one token per request, as the hub does. */
export function freshIdentityHeaders(mint: () => string): Record<string, string> {
  return Object.defineProperty({}, IDENTITY_HEADER, { enumerable: true, get: mint });
}

/** The one scope (commune code, `hub`) of `roles`: the audience a token for them goes to. */
export function onlyScopeOf(roles: Record<string, Role[]>): string {
  const scopes = Object.keys(roles);
  if (scopes.length !== 1) throw new Error(`name the audience of a token for ${scopes.join(', ')}`);
  return scopes[0]!;
}
