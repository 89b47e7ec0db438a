import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { NodeCommune } from '@communes/kit';
import { importBusinesses } from './business-import';
import { generateBusinesses } from './seed';

/** A v4-shaped UUID derived from a text: the same seed gives the same ids. */
export function seededUuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const DAY_MS = 86_400_000;
const SEED_EPOCH = Date.UTC(2026, 0, 1);

/**
 * Fills a commune's directory with `count` realistic businesses, the same ones for the same
 * seed: ids and creation dates (spread over the three years before 2026) included.
 */
export async function seedDirectory(
  db: DataSource,
  commune: NodeCommune,
  count: number,
  seed: number,
  onProgress?: (done: number) => void,
): Promise<number> {
  return importBusinesses(db, commune, generateBusinesses(commune.code, count, seed), {
    batchSize: 1_000,
    ...(onProgress ? { onProgress } : {}),
    idOf: (index) => seededUuid(`${commune.code}/${seed}/${index}`),
    createdAtOf: (index) =>
      new Date(
        SEED_EPOCH -
          Math.floor(((index * 7_919) % (3 * 365)) * DAY_MS + ((index * 104_729) % DAY_MS)),
      ),
  });
}
