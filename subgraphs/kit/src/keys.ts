import { createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

/**
 * Reads a key from configuration text: a JWK (JSON) or a PEM, where a PEM written on one
 * line with `\n` escapes (as environment files often hold it) is accepted too.
 * Returns null when the text is neither.
 */
export function readKey(text: string, kind: 'public' | 'private'): KeyObject | null {
  const create = kind === 'public' ? createPublicKey : createPrivateKey;
  try {
    const trimmed = text.trim();
    return trimmed.startsWith('{')
      ? create({ key: JSON.parse(trimmed) as JsonWebKey, format: 'jwk' })
      : create(trimmed.replace(/\\n/g, '\n'));
  } catch {
    return null;
  }
}
