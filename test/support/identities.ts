import { generateKeyPair } from 'jose';
import type { KeyObject } from 'node:crypto';
import { IDENTITY_HEADER, signIdentity, type Identity, type Role } from '@communes/kit';

/** A hub key pair for tests: nodes trust the public half, tests sign with the private one. */
export interface TestHubKeys {
  publicKey: KeyObject;
  /** Headers carrying a hub-signed identity with these roles, as the hub would send them. */
  headersFor(roles: Record<string, Role[]>, subject?: string): Promise<Record<string, string>>;
  sign(identity: Identity): Promise<string>;
}

export async function createTestHubKeys(): Promise<TestHubKeys> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const sign = (identity: Identity) => signIdentity(identity, privateKey);
  return {
    publicKey: publicKey as KeyObject,
    sign,
    async headersFor(roles, subject = 'clerk@example.org') {
      return { [IDENTITY_HEADER]: await sign({ kind: 'user', subject, roles }) };
    },
  };
}
