import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readKey } from './keys';

const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
/** A PEM on one line with `\n` escapes, as environment files hold it. */
const oneLine = (pem: string) => pem.trim().replace(/\n/g, '\\n');

/** Whether a signature made with `privateKey` passes `publicKey`: the pair belongs together. */
function pairs(privateKey: KeyObject | null, publicKey: KeyObject | null): boolean {
  if (!privateKey || !publicKey) return false;
  const data = Buffer.from('identity token');
  return verify('sha256', data, publicKey, sign('sha256', data, privateKey));
}

describe('readKey', () => {
  it('reads PEM keys, with surrounding space', () => {
    const publicKey = readKey(`\n${publicPem}\n  `, 'public');
    const privateKey = readKey(privatePem, 'private');
    expect(publicKey?.type).toBe('public');
    expect(privateKey?.type).toBe('private');
    expect(pairs(privateKey, publicKey)).toBe(true);
  });

  it('reads a PEM written on one line with \\n escapes', () => {
    expect(oneLine(publicPem)).not.toContain('\n');
    const publicKey = readKey(oneLine(publicPem), 'public');
    const privateKey = readKey(oneLine(privatePem), 'private');
    expect(pairs(privateKey, publicKey)).toBe(true);
  });

  it('reads JWKs', () => {
    const publicJwk = JSON.stringify(pair.publicKey.export({ format: 'jwk' }));
    const privateJwk = JSON.stringify(pair.privateKey.export({ format: 'jwk' }), null, 2);
    const publicKey = readKey(publicJwk, 'public');
    const privateKey = readKey(` ${privateJwk}`, 'private');
    expect(publicKey?.asymmetricKeyType).toBe('ec');
    expect(pairs(privateKey, publicKey)).toBe(true);
  });

  it('does not take a public key for a private one', () => {
    expect(readKey(publicPem, 'private')).toBeNull();
    expect(readKey(JSON.stringify(pair.publicKey.export({ format: 'jwk' })), 'private')).toBeNull();
  });

  it('returns null for text that is no key', () => {
    expect(readKey('', 'public')).toBeNull();
    expect(readKey('not a key', 'public')).toBeNull();
    expect(readKey('{"kty":"EC"', 'public')).toBeNull();
    expect(readKey('{"kty":"EC","crv":"P-256"}', 'public')).toBeNull();
    expect(readKey(publicPem.replace(/[A-Za-z0-9+/]{20}/, ''), 'public')).toBeNull();
    expect(
      readKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', 'public'),
    ).toBeNull();
  });
});
