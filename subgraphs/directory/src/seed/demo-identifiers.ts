import { belgianCheckDigits, luhnCheckDigit } from '../validation/identifiers';
import type { DemoCountry } from './places';

/**
 * Enterprise and establishment numbers for demo businesses, derived from the business's index
 * rather than drawn at random: a keyed permutation of the index space makes them look random
 * while two indices can never share a number, whatever the count.
 */

/** Indices reserved for each commune; communes of a country use disjoint blocks. */
export const MAX_BUSINESSES_PER_COMMUNE = 1_000_000;

/** murmur3's finaliser: a cheap, well-mixed 32-bit hash. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A 32-bit key from any integer seed and a salt that tells the uses of one seed apart. */
export function seedKey(seed: number, salt: number): number {
  const whole = Math.trunc(seed);
  const high = Math.floor(whole / 2 ** 32);
  return mix32(mix32(whole) ^ mix32(high + 0x51ed27) ^ Math.imul(salt, 0x9e3779b1));
}

/**
 * A bijection of [0, size): a 4-round Feistel network on a square just above `size`, with
 * cycle walking to come back inside the range.
 */
export class IndexPermutation {
  private readonly side: number;
  private readonly keys: readonly number[];

  constructor(
    readonly size: number,
    key: number,
  ) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`bad size ${size}`);
    this.side = Math.ceil(Math.sqrt(size));
    this.keys = [1, 2, 3, 4].map((round) => mix32(key ^ Math.imul(round, 0x9e3779b9)));
  }

  private feistel(value: number): number {
    let left = Math.floor(value / this.side);
    let right = value % this.side;
    for (const key of this.keys) {
      [left, right] = [right, (left + (mix32(right ^ key) % this.side)) % this.side];
    }
    return left * this.side + right;
  }

  apply(index: number): number {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`index ${index} is outside [0, ${this.size})`);
    }
    let value = this.feistel(index);
    while (value >= this.size) value = this.feistel(value);
    return value;
  }
}

/** Where the 8 leading digits of each kind of number are drawn from. */
const RANGES = {
  // Enterprise numbers in use run 0200.000.0xx to 0899.999.9xx (first 8 digits 02000000…).
  beEnterprise: { first: 2_000_000, size: 7_000_000, salt: 1 },
  // Establishment unit numbers start with 2 (2.000.000.0xx to 2.999.999.9xx).
  beEstablishment: { first: 20_000_000, size: 10_000_000, salt: 2 },
  // SIRENs of companies start 3 to 9; the ninth digit is the Luhn check.
  frSiren: { first: 30_000_000, size: 70_000_000, salt: 3 },
} as const;

type RangeName = keyof typeof RANGES;

/** Numbers for one (country, seed); cheap to build, and reusable for every commune. */
export class DemoIdentifiers {
  private readonly permutations: Record<RangeName, IndexPermutation>;

  constructor(
    readonly country: DemoCountry,
    seed: number,
  ) {
    const build = (name: RangeName) =>
      new IndexPermutation(RANGES[name].size, seedKey(seed, RANGES[name].salt));
    this.permutations = {
      beEnterprise: build('beEnterprise'),
      beEstablishment: build('beEstablishment'),
      frSiren: build('frSiren'),
    };
  }

  private first8(name: RangeName, slot: number, index: number): string {
    if (!Number.isSafeInteger(index) || index < 0 || index >= MAX_BUSINESSES_PER_COMMUNE) {
      throw new RangeError(
        `business index ${index} is outside [0, ${MAX_BUSINESSES_PER_COMMUNE}) for one commune`,
      );
    }
    const value =
      RANGES[name].first + this.permutations[name].apply(slot * MAX_BUSINESSES_PER_COMMUNE + index);
    return String(value).padStart(8, '0');
  }

  /** BE: 10-digit KBO/BCE enterprise number; FR: 9-digit SIREN. */
  enterpriseNumber(slot: number, index: number): string {
    if (this.country === 'FR') {
      const body = this.first8('frSiren', slot, index);
      return body + luhnCheckDigit(body);
    }
    const body = this.first8('beEnterprise', slot, index);
    return body + belgianCheckDigits(body);
  }

  /**
   * BE: 10-digit establishment unit number. FR: SIRET, the SIREN followed by the establishment's
   * NIC, whose four leading digits are `nic` (`0001` for a first establishment) and whose last
   * digit makes the 14 digits pass the Luhn check.
   */
  establishmentNumber(slot: number, index: number, nic = 1): string {
    if (this.country === 'FR') {
      const payload = this.enterpriseNumber(slot, index) + String(nic).padStart(4, '0');
      return payload + luhnCheckDigit(payload);
    }
    const body = this.first8('beEstablishment', slot, index);
    return body + belgianCheckDigits(body);
  }
}
