import {
  parseBelgianEnterpriseNumber,
  parseBelgianEstablishmentNumber,
  parseSiren,
  parseSiret,
} from '../validation/identifiers';
import { DemoIdentifiers, IndexPermutation, MAX_BUSINESSES_PER_COMMUNE } from './demo-identifiers';

/** The brief's own statement of the rule, independent of the validation module. */
const belgianCheckOk = (digits: string) =>
  Number(digits.slice(8)) === 97 - (Number(digits.slice(0, 8)) % 97);

const luhnOk = (digits: string) =>
  [...digits].reverse().reduce((sum, d, i) => {
    const doubled = Number(d) * (i % 2 === 1 ? 2 : 1);
    return sum + (doubled > 9 ? doubled - 9 : doubled);
  }, 0) %
    10 ===
  0;

describe('IndexPermutation', () => {
  it('is a bijection of its range', () => {
    for (const size of [1, 2, 97, 1000, 4099]) {
      const permutation = new IndexPermutation(size, 12345);
      const images = new Set(Array.from({ length: size }, (_, i) => permutation.apply(i)));
      expect(images.size).toBe(size);
      expect(Math.max(...images)).toBe(size - 1);
    }
  });

  it('depends on its key and refuses indices outside its range', () => {
    const a = new IndexPermutation(1_000_000, 1);
    const b = new IndexPermutation(1_000_000, 2);
    const sample = Array.from({ length: 20 }, (_, i) => i);
    expect(sample.map((i) => a.apply(i))).not.toEqual(sample.map((i) => b.apply(i)));
    expect(() => a.apply(1_000_000)).toThrow(RangeError);
    expect(() => a.apply(-1)).toThrow(RangeError);
  });
});

describe('DemoIdentifiers', () => {
  it('gives 100,000 distinct valid Belgian numbers per commune, and none shared between communes', () => {
    const ids = new DemoIdentifiers('BE', 7);
    const enterprises = new Set<string>();
    const establishments = new Set<string>();
    for (const slot of [0, 1]) {
      for (let i = 0; i < 100_000; i++) {
        enterprises.add(ids.enterpriseNumber(slot, i));
        establishments.add(ids.establishmentNumber(slot, i));
      }
    }
    expect(enterprises.size).toBe(200_000);
    expect(establishments.size).toBe(200_000);
    for (const number of [...enterprises].slice(0, 5000)) {
      expect(number).toMatch(/^0[2-8]\d{8}$/);
      expect(belgianCheckOk(number)).toBe(true);
      expect(parseBelgianEnterpriseNumber(number)).toEqual({ ok: true, value: number });
    }
    for (const number of [...establishments].slice(0, 5000)) {
      expect(number).toMatch(/^2\d{9}$/);
      expect(belgianCheckOk(number)).toBe(true);
      expect(parseBelgianEstablishmentNumber(number)).toEqual({ ok: true, value: number });
    }
  });

  it('gives 100,000 distinct valid SIRENs, with SIRETs that extend them', () => {
    const ids = new DemoIdentifiers('FR', 7);
    const sirens = new Set<string>();
    for (let i = 0; i < 100_000; i++) sirens.add(ids.enterpriseNumber(0, i));
    expect(sirens.size).toBe(100_000);
    for (let i = 0; i < 5000; i++) {
      const siren = ids.enterpriseNumber(1, i);
      const siret = ids.establishmentNumber(1, i, 1 + (i % 9));
      expect(siren).toMatch(/^[3-9]\d{8}$/);
      expect(luhnOk(siren)).toBe(true);
      expect(luhnOk(siret)).toBe(true);
      expect(siret.startsWith(siren)).toBe(true);
      expect(siret.slice(9, 13)).toBe(`000${1 + (i % 9)}`);
      expect(parseSiren(siren)).toEqual({ ok: true, value: siren });
      expect(parseSiret(siret)).toEqual({ ok: true, value: siret });
    }
  });

  it('changes with the seed and refuses indices beyond a commune block', () => {
    expect(new DemoIdentifiers('BE', 1).enterpriseNumber(0, 0)).not.toBe(
      new DemoIdentifiers('BE', 2).enterpriseNumber(0, 0),
    );
    expect(() =>
      new DemoIdentifiers('BE', 1).enterpriseNumber(0, MAX_BUSINESSES_PER_COMMUNE),
    ).toThrow(RangeError);
  });
});
