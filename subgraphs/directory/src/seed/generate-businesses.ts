import { base, Faker, fr } from '@faker-js/faker';
import type {
  ActivityInput,
  BusinessSource,
  CreateBusinessInput,
  NaceVersion,
} from '../generated/graphql';
import { ACTIVITY_PROFILES, type ActivityProfile, type BusinessKind } from './activities';
import { DemoIdentifiers, MAX_BUSINESSES_PER_COMMUNE, mix32 } from './demo-identifiers';
import {
  BELGIAN_SURNAMES,
  BRAND_WORDS,
  FEMALE_FIRST_NAMES,
  HOUSE_NAMES,
  ITALIAN_RESTAURANT_NAMES,
  ITALIAN_SURNAMES,
  MAGHREB_TURKISH_SURNAMES,
  MALE_FIRST_NAMES,
  SAINTS,
} from './names';
import {
  demoPlace,
  type DemoCountry,
  type DemoLocality,
  type DemoPlace,
  type LatLon,
} from './places';

interface Weighted<T> {
  weight: number;
  value: T;
}

const LEGAL_FORMS: Record<DemoCountry, Record<BusinessKind, readonly Weighted<string | null>[]>> = {
  BE: {
    // null: a natural person (personne physique) trading in their own name.
    shop: [
      { weight: 40, value: null },
      { weight: 50, value: 'SRL' },
      { weight: 5, value: 'SC' },
      { weight: 5, value: 'SA' },
    ],
    horeca: [
      { weight: 35, value: null },
      { weight: 55, value: 'SRL' },
      { weight: 5, value: 'SC' },
      { weight: 5, value: 'SA' },
    ],
    craft: [
      { weight: 50, value: null },
      { weight: 45, value: 'SRL' },
      { weight: 5, value: 'SC' },
    ],
    liberal: [
      { weight: 55, value: null },
      { weight: 45, value: 'SRL' },
    ],
    company: [
      { weight: 5, value: null },
      { weight: 70, value: 'SRL' },
      { weight: 20, value: 'SA' },
      { weight: 5, value: 'SC' },
    ],
    association: [{ weight: 1, value: 'ASBL' }],
  },
  FR: {
    shop: [
      { weight: 35, value: 'EI' },
      { weight: 30, value: 'SARL' },
      { weight: 25, value: 'SAS' },
      { weight: 10, value: 'EURL' },
    ],
    horeca: [
      { weight: 25, value: 'EI' },
      { weight: 35, value: 'SARL' },
      { weight: 30, value: 'SAS' },
      { weight: 10, value: 'EURL' },
    ],
    craft: [
      { weight: 50, value: 'EI' },
      { weight: 25, value: 'SARL' },
      { weight: 10, value: 'SAS' },
      { weight: 15, value: 'EURL' },
    ],
    liberal: [
      { weight: 55, value: 'EI' },
      { weight: 15, value: 'SARL' },
      { weight: 20, value: 'SAS' },
      { weight: 10, value: 'EURL' },
    ],
    company: [
      { weight: 60, value: 'SAS' },
      { weight: 25, value: 'SARL' },
      { weight: 10, value: 'SA' },
      { weight: 5, value: 'EURL' },
    ],
    // French associations are outside the demo's legal forms: profiles give a kindFr instead.
    association: [{ weight: 1, value: 'SAS' }],
  },
};

/** Share of businesses whose legal form also ends their name (`Garage Lambert SRL`). */
const SUFFIX_SHARE: Record<DemoCountry, number> = { BE: 0.5, FR: 0.3 };

/** How many secondary activities: none for half the businesses, at most two. */
const EXTRA_ACTIVITIES: readonly Weighted<number>[] = [
  { weight: 50, value: 0 },
  { weight: 35, value: 1 },
  { weight: 15, value: 2 },
];

/** Share of businesses (with a NACE Rev. 2.1 equivalent) already declared in NACE_2025. */
const NACE_2025_SHARE = 0.08;

/** Chance that the published phone is a mobile, by kind. */
const MOBILE_SHARE: Record<BusinessKind, number> = {
  shop: 0.15,
  horeca: 0.2,
  craft: 0.65,
  liberal: 0.35,
  company: 0.1,
  association: 0.5,
};

const WEBSITE_SHARE: Record<BusinessKind, number> = {
  shop: 0.55,
  horeca: 0.6,
  craft: 0.35,
  liberal: 0.5,
  company: 0.85,
  association: 0.45,
};

// Belgian mobile ranges 047x–049x; 048[0-2] are not allocated, so they are left out.
const BE_MOBILE_PREFIXES = [
  ...['470', '471', '472', '473', '474', '475', '476', '477', '478', '479'],
  ...['484', '485', '486', '487', '488', '489'],
  ...['490', '491', '492', '493', '494', '495', '496', '497', '498', '499'],
];
const FR_MOBILE_PREFIXES = ['61', '62', '64', '65', '66', '67', '68', '76', '77', '78'];

/** Mailbox providers of people who use no domain of their own. */
const MAIL_PROVIDERS: Record<DemoCountry, readonly string[]> = {
  BE: ['skynet.be', 'proximus.be', 'outlook.be', 'live.be', 'telenet.be'],
  FR: ['orange.fr', 'free.fr', 'wanadoo.fr', 'sfr.fr', 'laposte.fr'],
};

/** Where many families came from Italy, North Africa or Turkey, their names are common. */
const SURNAME_MIX: Record<string, { italian: number; maghrebTurkish: number }> = {
  'BE-62063': { italian: 0.15, maghrebTurkish: 0.1 },
  'BE-52011': { italian: 0.18, maghrebTurkish: 0.1 },
  'FR-59512': { italian: 0.03, maghrebTurkish: 0.18 },
};
const DEFAULT_SURNAME_MIX = { italian: 0.04, maghrebTurkish: 0.06 };

const STOP_WORDS = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'et',
  'au',
  'aux',
  'a',
]);

/** Lower-case ASCII words of a name, joined by `separator`, for domains and mailboxes. */
export function slugOf(name: string, separator = '-'): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !STOP_WORDS.has(word))
    .slice(0, 5);
  return words
    .join(separator)
    .slice(0, 48)
    .replace(/[-.]+$/, '');
}

/** Fills `{placeholders}`, then elides "de" before a vowel as French does ("La Table d'Inès"). */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template
    .replace(/\{(\w+)\}/g, (_match, key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`unknown placeholder {${key}} in '${template}'`);
      return value;
    })
    .replace(/\b([Dd])e ([AEIOUYÀÂÉÈÊÎÔaeiouyàâéèêîô])/g, "$1'$2");
}

/** Placeholders that name a person: a second name built from them would name someone else. */
const PERSONAL = /\{(nom|nom2|prenom)\}/;

/**
 * Templates of a profile that apply in a country, without their `BE:`/`FR:` marker, weighted
 * so that a town has many "Boulangerie Dupont"s but few identical "Café de la Gare"s.
 */
function templatesFor(templates: readonly string[], country: DemoCountry): Weighted<string>[] {
  return templates
    .filter((t) => !/^(BE|FR):/.test(t) || t.startsWith(`${country}:`))
    .map((t) => t.replace(/^(BE|FR):/, ''))
    .map((t) => ({
      value: t,
      weight: PERSONAL.test(t) || t.includes('{marque}') ? 4 : /\{/.test(t) ? 2 : 1,
    }));
}

/** A point drawn uniformly in the disc of `radiusKm` around `centre`, to 6 decimals (~0.1 m). */
function jitter(faker: Faker, centre: LatLon, radiusKm: number): LatLon {
  const distance = radiusKm * Math.sqrt(faker.number.float({ min: 0, max: 1 }));
  const bearing = faker.number.float({ min: 0, max: 2 * Math.PI });
  const kmPerDegree = 111.32;
  const lat = centre.lat + (distance * Math.cos(bearing)) / kmPerDegree;
  const lon =
    centre.lon +
    (distance * Math.sin(bearing)) / (kmPerDegree * Math.cos((centre.lat * Math.PI) / 180));
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return { lat: round(lat), lon: round(lon) };
}

/** A phone number in international format, grouped as the country writes it. */
function phoneNumber(faker: Faker, place: DemoPlace, mobile: boolean): string {
  const digits = (length: number) => faker.string.numeric({ length, allowLeadingZeros: true });
  if (place.country === 'FR') {
    // National significant numbers have 9 digits: 3 20 xx xx xx, 6 xx xx xx xx.
    const nsn = mobile
      ? faker.helpers.arrayElement(FR_MOBILE_PREFIXES) + digits(7)
      : faker.helpers.arrayElement(place.landlinePrefixes) + digits(9 - 3);
    return `+33 ${nsn[0]} ${nsn.slice(1, 3)} ${nsn.slice(3, 5)} ${nsn.slice(5, 7)} ${nsn.slice(7)}`;
  }
  if (mobile) {
    const nsn = faker.helpers.arrayElement(BE_MOBILE_PREFIXES) + digits(6);
    return `+32 ${nsn.slice(0, 3)} ${nsn.slice(3, 5)} ${nsn.slice(5, 7)} ${nsn.slice(7)}`;
  }
  // Landlines have 8 digits; subscriber numbers seldom start with 0, 1, 8 or 9.
  const prefix = faker.helpers.arrayElement(place.landlinePrefixes);
  const nsn = prefix + String(faker.number.int({ min: 2, max: 7 })) + digits(8 - prefix.length - 1);
  // Brussels (2), Antwerp (3), Liège (4) and Ghent (9) have one-digit area codes.
  return '2349'.includes(nsn[0]!)
    ? `+32 ${nsn[0]} ${nsn.slice(1, 4)} ${nsn.slice(4, 6)} ${nsn.slice(6)}`
    : `+32 ${nsn.slice(0, 2)} ${nsn.slice(2, 4)} ${nsn.slice(4, 6)} ${nsn.slice(6)}`;
}

interface Context {
  faker: Faker;
  place: DemoPlace;
  identifiers: DemoIdentifiers;
  profiles: readonly Weighted<ActivityProfile>[];
  localities: readonly Weighted<DemoLocality>[];
}

function surname(ctx: Context): string {
  const { faker, place } = ctx;
  const mix = SURNAME_MIX[place.code] ?? DEFAULT_SURNAME_MIX;
  const draw = faker.number.float({ min: 0, max: 1 });
  if (draw < mix.italian) return faker.helpers.arrayElement(ITALIAN_SURNAMES);
  if (draw < mix.italian + mix.maghrebTurkish) {
    return faker.helpers.arrayElement(MAGHREB_TURKISH_SURNAMES);
  }
  return place.country === 'FR'
    ? faker.person.lastName()
    : faker.helpers.arrayElement(BELGIAN_SURNAMES);
}

function activitiesOf(faker: Faker, profile: ActivityProfile): ActivityInput[] {
  const use2025 =
    profile.main2025 !== undefined && faker.datatype.boolean({ probability: NACE_2025_SHARE });
  const naceVersion: NaceVersion = use2025 ? 'NACE_2025' : 'NACE_2008';
  const main = use2025 ? profile.main2025! : profile.main2008;
  const pool = use2025 ? (profile.secondary2025 ?? []) : profile.secondary2008;
  const extra = Math.min(faker.helpers.weightedArrayElement(EXTRA_ACTIVITIES), pool.length);
  return [
    { naceVersion, code: main, main: true },
    ...faker.helpers.arrayElements(pool, extra).map((code) => ({ naceVersion, code, main: false })),
  ];
}

function makeBusiness(ctx: Context, index: number): CreateBusinessInput {
  const { faker, place } = ctx;
  const country = place.country;
  const profile = faker.helpers.weightedArrayElement(ctx.profiles);
  const kind = (country === 'FR' ? profile.kindFr : undefined) ?? profile.kind;
  const locality = faker.helpers.weightedArrayElement(ctx.localities);

  const nom = surname(ctx);
  let nom2 = surname(ctx);
  if (nom2 === nom) nom2 = faker.helpers.arrayElement(BELGIAN_SURNAMES.filter((s) => s !== nom));
  const prenom = faker.helpers.arrayElement(
    faker.datatype.boolean() ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES,
  );
  const values = {
    nom,
    nom2,
    prenom,
    lieu: locality.locality,
    marque: faker.helpers.arrayElement(BRAND_WORDS),
    maison: faker.helpers.arrayElement(HOUSE_NAMES),
    italien: faker.helpers.arrayElement(ITALIAN_RESTAURANT_NAMES),
    saint: faker.helpers.arrayElement(SAINTS),
  };
  const templates = templatesFor(profile.names, country);
  const tradingName = fillTemplate(faker.helpers.weightedArrayElement(templates), values);
  const legalForm = faker.helpers.weightedArrayElement(LEGAL_FORMS[country][kind]);
  // A company often registers its name with its legal form; titles such as "…, notaires" do not.
  const name =
    legalForm !== null &&
    legalForm !== 'EI' &&
    !tradingName.includes(',') &&
    faker.datatype.boolean({ probability: SUFFIX_SHARE[country] })
      ? `${tradingName} ${legalForm}`
      : tradingName;
  // A shop sign without a person's name ("Au Fournil de Jambes") beside the registered name.
  const signs = templates.map((t) => t.value).filter((t) => !PERSONAL.test(t));
  const sign = signs.length > 0 ? fillTemplate(faker.helpers.arrayElement(signs), values) : null;
  const commercialName =
    sign !== null && sign !== tradingName && faker.datatype.boolean({ probability: 0.2 })
      ? sign
      : null;

  const tld = country === 'BE' ? 'be' : 'fr';
  const domain = `${slugOf(commercialName ?? tradingName)}.${tld}`;
  const website = faker.datatype.boolean({ probability: WEBSITE_SHARE[kind] })
    ? `https://www.${domain}`
    : null;
  const mailbox = faker.helpers.arrayElement(['info', 'contact', slugOf(prenom)]);
  const email = !faker.datatype.boolean({ probability: 0.88 })
    ? null
    : website !== null
      ? `${mailbox}@${domain}`
      : `${slugOf(tradingName, '.')}@${faker.helpers.arrayElement(MAIL_PROVIDERS[country])}`;
  const phone = faker.datatype.boolean({ probability: 0.95 })
    ? phoneNumber(faker, place, faker.datatype.boolean({ probability: MOBILE_SHARE[kind] }))
    : null;

  const suffix = faker.datatype.boolean({ probability: 0.04 })
    ? faker.helpers.arrayElement(country === 'BE' ? ['A', 'B'] : [' bis', ' ter'])
    : '';
  // Most businesses sit in the first hundred numbers of a street.
  const number = `${1 + Math.floor(faker.number.float({ min: 0, max: 1 }) ** 1.5 * 180)}${suffix}`;
  const box =
    country === 'BE' && kind !== 'craft' && faker.datatype.boolean({ probability: 0.12 })
      ? faker.helpers.arrayElement(['1', '2', '3', '4', '5', 'A', 'B'])
      : null;

  const description = {
    fr: fillTemplate(faker.helpers.arrayElement(profile.fr), values),
    nl:
      country === 'BE' && faker.datatype.boolean({ probability: 0.25 })
        ? fillTemplate(profile.nl, values)
        : null,
    en: faker.datatype.boolean({ probability: 0.15 }) ? fillTemplate(profile.en, values) : null,
  };

  const source: BusinessSource =
    country === 'BE' && faker.datatype.boolean({ probability: 0.65 }) ? 'KBO_IMPORT' : 'MANUAL';
  const establishmentNumber =
    country === 'FR'
      ? ctx.identifiers.establishmentNumber(
          place.slot,
          index,
          faker.helpers.weightedArrayElement([
            { weight: 70, value: 1 },
            { weight: 15, value: 2 },
            { weight: 15, value: faker.number.int({ min: 3, max: 9 }) },
          ]),
        )
      : faker.datatype.boolean({ probability: 0.85 })
        ? ctx.identifiers.establishmentNumber(place.slot, index)
        : null;

  return {
    enterpriseNumber: ctx.identifiers.enterpriseNumber(place.slot, index),
    establishmentNumber,
    name,
    commercialName,
    legalForm,
    activities: activitiesOf(faker, profile),
    address: {
      street: faker.helpers.arrayElement(locality.streets),
      number,
      box,
      postalCode: locality.postalCode,
      locality: locality.locality,
      countryCode: country,
    },
    location: jitter(faker, locality.centre, locality.radiusKm),
    contacts: { phone, email, website },
    openingHours: [...faker.helpers.arrayElement(profile.hours)],
    description,
    source,
  };
}

/** A stable 32-bit hash of a string (FNV-1a), to fold the commune code into the seed. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return mix32(hash);
}

/**
 * `count` realistic demo businesses for one of the `DEMO_PLACES` communes, ready for
 * `createBusiness`. The same (communeCode, count, seed) always yields the same businesses, and
 * the first n of a larger count are the n of a smaller one. Enterprise and establishment
 * numbers are valid and never repeat, within a commune and across the demo communes of a
 * country generated with the same seed. Throws a RangeError for an unknown commune or a count
 * outside [0, 1 000 000].
 */
export function generateBusinesses(
  communeCode: string,
  count: number,
  seed: number,
): Generator<CreateBusinessInput> {
  const place = demoPlace(communeCode);
  if (!Number.isSafeInteger(count) || count < 0 || count > MAX_BUSINESSES_PER_COMMUNE) {
    throw new RangeError(`count must be an integer from 0 to ${MAX_BUSINESSES_PER_COMMUNE}`);
  }
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number`);
  // A dedicated instance: seeding the shared `faker` would disturb every other user of it.
  const faker = new Faker({ locale: [fr, base] });
  const whole = Math.trunc(seed);
  faker.seed([whole >>> 0, Math.floor(whole / 2 ** 32) >>> 0, hashString(communeCode)]);
  const ctx: Context = {
    faker,
    place,
    identifiers: new DemoIdentifiers(place.country, seed),
    profiles: ACTIVITY_PROFILES.filter(
      (p) => p.countries === undefined || p.countries.includes(place.country),
    ).map((p) => ({ weight: p.weight, value: p })),
    localities: place.localities
      .filter((l) => l.weight > 0 && l.streets.length > 0)
      .map((l) => ({ weight: l.weight, value: l })),
  };
  return (function* () {
    for (let index = 0; index < count; index++) yield makeBusiness(ctx, index);
  })();
}
