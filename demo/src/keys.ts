import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';

export interface DemoKeys {
  /** Signs identities the hub forwards; the demo nodes trust its public half. */
  identity: { privateKey: KeyObject; publicKey: KeyObject };
  /** The demo's stand-in for a commune's OIDC provider: signs tokens users present to the hub. */
  issuer: { privateKey: KeyObject; publicKey: KeyObject };
}

/** Keys kept under the data folder, so that a second `npm start` trusts the same signers. */
export async function loadOrCreateDemoKeys(file: string): Promise<DemoKeys> {
  if (!existsSync(file)) {
    const make = async () =>
      exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ identity: await make(), issuer: await make() }, null, 2), {
      mode: 0o600,
    });
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<
    'identity' | 'issuer',
    import('node:crypto').JsonWebKey
  >;
  const pair = (jwk: import('node:crypto').JsonWebKey) => {
    const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
    return { privateKey, publicKey: createPublicKey(privateKey) };
  };
  return { identity: pair(stored.identity), issuer: pair(stored.issuer) };
}
