import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CreateBusinessInput } from '../generated/graphql';
import { checkNaceCode, isKnownNaceCode, naceLabel } from '../nace';
import {
  parseBelgianEnterpriseNumber,
  parseBelgianEstablishmentNumber,
  parseSiren,
  parseSiret,
  validateCreateBusiness,
} from '../validation';
import { ACTIVITY_PROFILES } from './activities';
import { fillTemplate, generateBusinesses, slugOf } from './generate-businesses';
import { DEMO_PLACES, demoPlace, distanceKm } from './places';

const COMMUNES = Object.keys(DEMO_PLACES);
const BE_LEGAL_FORMS = [null, 'SRL', 'SA', 'SC', 'ASBL'];
const FR_LEGAL_FORMS = ['SAS', 'SARL', 'EURL', 'SA', 'EI'];
const SPEC =
  /^(Mo|Tu|We|Th|Fr|Sa|Su)(-(Mo|Tu|We|Th|Fr|Sa|Su))? ([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

const take = (commune: string, count: number, seed: number) => [
  ...generateBusinesses(commune, count, seed),
];

/** 2,000 businesses of each demo commune, generated once for the checks below. */
const SAMPLES: ReadonlyMap<string, CreateBusinessInput[]> = new Map(
  COMMUNES.map((code) => [code, take(code, 2000, 2024)]),
);

describe('generateBusinesses: determinism', () => {
  it('gives the same businesses for the same commune, count and seed', () => {
    expect(take('BE-92094', 300, 1)).toEqual(take('BE-92094', 300, 1));
  });

  it('gives different businesses for another seed or another commune', () => {
    const a = take('BE-92094', 50, 1);
    const b = take('BE-92094', 50, 2);
    expect(a.filter((x, i) => x.name === b[i]!.name).length).toBeLessThan(10);
    expect(a.map((x) => x.enterpriseNumber)).not.toEqual(b.map((x) => x.enterpriseNumber));
    const liege = take('BE-62063', 50, 1);
    expect(liege.map((x) => x.enterpriseNumber)).not.toEqual(a.map((x) => x.enterpriseNumber));
  });

  it('extends a smaller count with the same first businesses', () => {
    expect(take('FR-59350', 400, 9).slice(0, 100)).toEqual(take('FR-59350', 100, 9));
  });

  it('refuses an unknown commune or a bad count at once', () => {
    expect(() => generateBusinesses('FR-75056', 10, 1)).toThrow(/no demo geography/);
    expect(() => generateBusinesses('BE-92094', -1, 1)).toThrow(RangeError);
    expect(() => generateBusinesses('BE-92094', 1.5, 1)).toThrow(RangeError);
    expect(take('BE-92094', 0, 1)).toEqual([]);
  });
});

describe.each(COMMUNES)('generateBusinesses(%s, 2000)', (code) => {
  const place = demoPlace(code);
  const businesses = SAMPLES.get(code)!;

  it('passes the directory validation', () => {
    const refused = businesses
      .map((business) => ({
        name: business.name,
        problems: validateCreateBusiness(business, {
          country: place.country,
          checkNace: checkNaceCode,
        }).problems,
      }))
      .filter((result) => result.problems.length > 0);
    expect(refused).toEqual([]);
  });

  it('has valid identifiers, none repeated', () => {
    const enterprises = new Set(businesses.map((b) => b.enterpriseNumber));
    const establishments = businesses.flatMap((b) => b.establishmentNumber ?? []);
    expect(enterprises.size).toBe(businesses.length);
    expect(new Set(establishments).size).toBe(establishments.length);
    const invalid = businesses.filter((b) => {
      const enterprise = b.enterpriseNumber;
      const establishment = b.establishmentNumber ?? null;
      if (place.country === 'FR') {
        return (
          !parseSiren(enterprise).ok ||
          establishment === null ||
          !parseSiret(establishment).ok ||
          !establishment.startsWith(enterprise)
        );
      }
      // The brief's rule, checked apart from the validation module.
      const checkOk = 97 - (Number(enterprise.slice(0, 8)) % 97) === Number(enterprise.slice(8));
      return (
        !/^0\d{9}$/.test(enterprise) ||
        !checkOk ||
        !parseBelgianEnterpriseNumber(enterprise).ok ||
        (establishment !== null &&
          (!/^2\d{9}$/.test(establishment) || !parseBelgianEstablishmentNumber(establishment).ok))
      );
    });
    expect(invalid).toEqual([]);
    // Belgian establishment numbers are frequent but not universal.
    if (place.country === 'BE') {
      expect(establishments.length / businesses.length).toBeGreaterThan(0.75);
      expect(establishments.length / businesses.length).toBeLessThan(0.95);
    }
  });

  it('places every business at a real address of the commune, near its centre', () => {
    const misplaced = businesses.filter((b) => {
      const locality = place.localities.find(
        (l) => l.postalCode === b.address.postalCode && l.locality === b.address.locality,
      );
      return (
        locality === undefined ||
        !locality.streets.includes(b.address.street) ||
        b.address.countryCode !== place.country ||
        !/^[1-9]\d{0,2}(A|B| bis| ter)?$/.test(b.address.number ?? '') ||
        distanceKm(place.centre, b.location!) >= 15 ||
        distanceKm(locality.centre, b.location!) > locality.radiusKm + 0.01
      );
    });
    expect(misplaced).toEqual([]);
    // Businesses cluster in the city centre but reach every section that has streets.
    const drawn = place.localities.filter((l) => l.weight > 0);
    const postalCodes = new Set(businesses.map((b) => b.address.postalCode));
    expect(postalCodes).toEqual(new Set(drawn.map((l) => l.postalCode)));
  });

  it('publishes valid phone numbers of the country', () => {
    let mobiles = 0;
    for (const b of businesses) {
      if (b.contacts?.phone == null) continue;
      const phone = parsePhoneNumberFromString(b.contacts.phone);
      expect({ phone: b.contacts.phone, valid: phone?.isValid() }).toEqual({
        phone: b.contacts.phone,
        valid: true,
      });
      expect(phone!.country).toBe(place.country);
      const type = phone!.getType();
      expect(['FIXED_LINE', 'MOBILE', 'FIXED_LINE_OR_MOBILE']).toContain(type);
      if (type === 'MOBILE') mobiles++;
      else {
        const national = phone!.nationalNumber as string;
        expect(place.landlinePrefixes.some((prefix) => national.startsWith(prefix))).toBe(true);
      }
    }
    expect(mobiles).toBeGreaterThan(100);
  });

  it('derives emails and websites from the name, on the country domain', () => {
    const tld = place.country === 'BE' ? '.be' : '.fr';
    let websites = 0;
    for (const b of businesses) {
      const { email, website } = b.contacts!;
      if (website != null) {
        websites++;
        expect(website).toBe(
          `https://www.${slugOf(b.commercialName ?? b.name.replace(/ (SRL|SA|SC|ASBL|SAS|SARL|EURL)$/, ''))}${tld}`,
        );
        if (email != null)
          expect(email.endsWith(`@${website.slice('https://www.'.length)}`)).toBe(true);
      }
      if (email != null) expect(email.endsWith(tld)).toBe(true);
    }
    expect(websites).toBeGreaterThan(businesses.length * 0.3);
  });

  it('declares one main activity among one to three, from the curated codes of one version', () => {
    const wrong = businesses.filter((b) => {
      const versions = new Set(b.activities.map((a) => a.naceVersion));
      return (
        b.activities.length < 1 ||
        b.activities.length > 3 ||
        b.activities.filter((a) => a.main).length !== 1 ||
        !b.activities[0]!.main ||
        versions.size !== 1 ||
        new Set(b.activities.map((a) => a.code)).size !== b.activities.length ||
        b.activities.some((a) => !isKnownNaceCode(a.naceVersion, a.code))
      );
    });
    expect(wrong).toEqual([]);
    const share2025 =
      businesses.filter((b) => b.activities[0]!.naceVersion === 'NACE_2025').length /
      businesses.length;
    expect(share2025).toBeGreaterThan(0.02);
    expect(share2025).toBeLessThan(0.12);
  });

  it('uses the legal forms, opening hours, descriptions and sources of the country', () => {
    const forms: readonly (string | null)[] =
      place.country === 'BE' ? BE_LEGAL_FORMS : FR_LEGAL_FORMS;
    const wrong = businesses.filter(
      (b) =>
        !forms.includes(b.legalForm ?? null) ||
        (b.openingHours ?? []).some((spec) => !SPEC.test(spec)) ||
        !/^[A-ZÀ-Ý].*\.$/.test(b.description?.fr ?? '') ||
        (place.country === 'FR' && b.description?.nl != null),
    );
    expect(wrong).toEqual([]);
    const sources = new Set(businesses.map((b) => b.source));
    expect([...sources].sort()).toEqual(
      place.country === 'BE' ? ['KBO_IMPORT', 'MANUAL'] : ['MANUAL'],
    );
    expect(new Set(businesses.map((b) => b.legalForm)).size).toBeGreaterThanOrEqual(4);
  });
});

describe('generateBusinesses at scale', () => {
  it('never repeats an identifier in 100,000 businesses', () => {
    const enterprises = new Set<string>();
    const establishments = new Set<string>();
    let withEstablishment = 0;
    for (const b of generateBusinesses('BE-62063', 100_000, 5)) {
      enterprises.add(b.enterpriseNumber);
      if (b.establishmentNumber != null) {
        establishments.add(b.establishmentNumber);
        withEstablishment++;
      }
    }
    expect(enterprises.size).toBe(100_000);
    expect(establishments.size).toBe(withEstablishment);
  });

  it('never repeats an enterprise number across the demo communes of a country', () => {
    const all = ['BE-92094', 'BE-62063', 'BE-52011', 'BE-25121'].flatMap((code) =>
      take(code, 5000, 3).map((b) => b.enterpriseNumber),
    );
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('activity profiles', () => {
  const values = {
    nom: 'Dupont',
    nom2: 'Renard',
    prenom: 'Inès',
    lieu: 'Jambes',
    marque: 'Nexavo',
    maison: 'Les Tilleuls',
    italien: 'Da Marco',
    saint: 'Aubain',
  };

  it.each(ACTIVITY_PROFILES.map((p) => [p.key, p] as const))(
    '%s: curated codes and well-formed templates',
    (_key, profile) => {
      expect(isKnownNaceCode('NACE_2008', profile.main2008)).toBe(true);
      expect(profile.main2008).toMatch(/^\d{2}\.\d{3}$/);
      for (const code of profile.secondary2008) {
        expect(isKnownNaceCode('NACE_2008', code)).toBe(true);
        expect(code).not.toBe(profile.main2008);
      }
      for (const code of [profile.main2025 ?? [], profile.secondary2025 ?? []].flat()) {
        expect(isKnownNaceCode('NACE_2025', code)).toBe(true);
      }
      for (const text of [...profile.names, ...profile.fr, profile.nl, profile.en]) {
        expect(() => fillTemplate(text.replace(/^(BE|FR):/, ''), values)).not.toThrow();
      }
      expect(naceLabel('NACE_2008', profile.main2008)).not.toBe('');
      expect(profile.hours.length).toBeGreaterThan(0);
      for (const schedule of profile.hours) for (const spec of schedule) expect(spec).toMatch(SPEC);
    },
  );

  it('elides "de" before a vowel', () => {
    expect(fillTemplate('La Table de {prenom}', values)).toBe("La Table d'Inès");
    expect(fillTemplate('Le Clos de {lieu}', values)).toBe('Le Clos de Jambes');
  });

  it('makes domain names out of business names', () => {
    expect(slugOf("Cabinet d'avocats Martin & Renard")).toBe('cabinet-avocats-martin-renard');
    expect(slugOf('Boulangerie-Pâtisserie Lefèvre', '.')).toBe('boulangerie.patisserie.lefevre');
    expect(slugOf("L'Œil de Namur")).toBe('oeil-namur');
  });
});
