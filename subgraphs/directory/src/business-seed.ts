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

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A number in [0, 1) from a text: the same business always gets the same dates. */
function unit(text: string): number {
  return parseInt(createHash('sha256').update(text).digest('hex').slice(0, 8), 16) / 2 ** 32;
}

/**
 * The nth demo business's history: started over the fifteen years before 2026 (more of them
 * recently, as younger businesses are more numerous among those still listed); about one in
 * eight has closed since, most within a few years of starting.
 */
export function seededPeriod(key: string): { startDate: string; endDate: string | null } {
  const ageDays = Math.floor(unit(`${key}/start`) ** 1.6 * 15 * 365) + 1;
  const start = SEED_EPOCH - ageDays * DAY_MS;
  if (unit(`${key}/closed`) >= 0.12) return { startDate: isoDate(start), endDate: null };
  // Open from 60 days to the whole span until 2026, earlier ends more likely.
  const openDays = 60 + Math.floor(unit(`${key}/end`) ** 2 * Math.max(0, ageDays - 61));
  return { startDate: isoDate(start), endDate: isoDate(start + openDays * DAY_MS) };
}

/**
 * Fills a commune's directory with `count` realistic businesses, the same ones for the same
 * seed: ids, creation dates (spread over the three years before 2026) and start and end dates
 * (see seededPeriod) included.
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
    periodOf: (index) => seededPeriod(`${commune.code}/${seed}/${index}`),
    createdAtOf: (index) =>
      new Date(
        SEED_EPOCH -
          Math.floor(((index * 7_919) % (3 * 365)) * DAY_MS + ((index * 104_729) % DAY_MS)),
      ),
  });
}
