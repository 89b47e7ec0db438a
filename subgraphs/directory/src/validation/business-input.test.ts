import type { FieldProblem } from '@communes/kit';
import type { CreateBusinessInput, NaceVersion } from '../generated/graphql';
import {
  validateCreateBusiness,
  type BusinessInput,
  type NormalisedBusiness,
  type ValidationContext,
} from './business-input';

/** A stand-in for the NACE module: a few known codes per version. */
const KNOWN: Record<NaceVersion, string[]> = {
  NACE_2008: ['10.711', '47.240', '47.24', '4724', '56.101', '56.301'],
  NACE_2025: ['10.711', '56.110'],
};
const checkNace = (version: NaceVersion, code: string): string | null =>
  KNOWN[version].includes(code) ? null : `is not a ${version} code`;

const BE: ValidationContext = { country: 'BE', checkNace };
const FR: ValidationContext = { country: 'FR', checkNace };

const belgian = (): CreateBusinessInput => ({
  enterpriseNumber: 'BE 0202.239.951',
  establishmentNumber: '2.000.000.339',
  name: '  Boulangerie Dupont ',
  commercialName: 'Chez Dupont',
  legalForm: 'SRL',
  activities: [
    { naceVersion: 'NACE_2008', code: ' 10.711 ', main: true },
    { naceVersion: 'NACE_2008', code: '47.240', main: false },
  ],
  address: {
    street: 'Rue Neuve',
    number: '12',
    box: 'b',
    postalCode: '1000',
    locality: 'Bruxelles',
  },
  location: { lat: 50.8503, lon: 4.3517 },
  contacts: { phone: '02 511 22 33', email: 'Info@Dupont.BE', website: 'https://dupont.be' },
  openingHours: ['Mo - Fr 07:00-18:00', 'Sa 08:00-12:00,13:00-17:00'],
  description: { fr: 'Pain au levain.\nViennoiseries.', nl: 'Zuurdesembrood.' },
});

const french = (): CreateBusinessInput => ({
  enterpriseNumber: '732 829 320',
  establishmentNumber: '732 829 320 00074',
  name: 'Brasserie du Nord',
  activities: [{ naceVersion: 'NACE_2025', code: '56.110', main: false }],
  address: { street: 'Place du Général de Gaulle', postalCode: '59000', locality: 'Lille' },
});

/** The problems of a create input changed by `change`. */
function problemsOf(
  change: (input: CreateBusinessInput) => void,
  ctx: ValidationContext = BE,
  base: () => CreateBusinessInput = ctx === FR ? french : belgian,
): FieldProblem[] {
  const input = base();
  change(input);
  return validateCreateBusiness(input, ctx).problems;
}

describe('validateCreateBusiness', () => {
  it('cleans a valid Belgian business', () => {
    expect(validateCreateBusiness(belgian(), BE)).toEqual({
      problems: [],
      value: {
        enterpriseNumber: '0202239951',
        establishmentNumber: '2000000339',
        name: 'Boulangerie Dupont',
        commercialName: 'Chez Dupont',
        legalForm: 'SRL',
        activities: [
          { naceVersion: 'NACE_2008', code: '10.711', main: true },
          { naceVersion: 'NACE_2008', code: '47.240', main: false },
        ],
        address: {
          street: 'Rue Neuve',
          number: '12',
          box: 'b',
          postalCode: '1000',
          locality: 'Bruxelles',
          countryCode: 'BE',
        },
        location: { lat: 50.8503, lon: 4.3517 },
        contacts: { phone: '+3225112233', email: 'Info@dupont.be', website: 'https://dupont.be' },
        openingHours: ['Mo-Fr 07:00-18:00', 'Sa 08:00-12:00,13:00-17:00'],
        description: {
          fr: 'Pain au levain.\nViennoiseries.',
          nl: 'Zuurdesembrood.',
          de: null,
          en: null,
        },
        source: 'MANUAL',
        startDate: null,
        endDate: null,
      } satisfies NormalisedBusiness,
    });
  });

  it('cleans a minimal French business, with null for every absent optional field', () => {
    expect(validateCreateBusiness(french(), FR)).toEqual({
      problems: [],
      value: {
        enterpriseNumber: '732829320',
        establishmentNumber: '73282932000074',
        name: 'Brasserie du Nord',
        commercialName: null,
        legalForm: null,
        activities: [{ naceVersion: 'NACE_2025', code: '56.110', main: true }],
        address: {
          street: 'Place du Général de Gaulle',
          number: null,
          box: null,
          postalCode: '59000',
          locality: 'Lille',
          countryCode: 'FR',
        },
        location: null,
        contacts: { phone: null, email: null, website: null },
        openingHours: [],
        description: { fr: null, nl: null, de: null, en: null },
        source: 'MANUAL',
        startDate: null,
        endDate: null,
      },
    });
  });

  it('keeps a period of ISO dates, the end only for a CLOSED business and not before the start', () => {
    const closed = { ...BE, status: 'CLOSED' as const };
    const period = { startDate: '2019-04-01', endDate: '2024-06-30' };
    expect(validateCreateBusiness({ ...belgian(), ...period }, closed).value).toMatchObject(period);
    const set = (startDate: string, endDate: string | null) => (input: CreateBusinessInput) =>
      Object.assign(input, { startDate, endDate });
    expect(problemsOf(set('2019-04-01', '2024-06-30'))).toEqual([
      { field: 'input.endDate', reason: expect.stringMatching(/only a CLOSED business/) },
    ]);
    expect(problemsOf(set('2019-04-01', '2019-03-31'), closed)).toEqual([
      { field: 'input.endDate', reason: expect.stringMatching(/before input.startDate/) },
    ]);
    expect(problemsOf(set('2019-02-30', null)).map((p) => p.field)).toEqual(['input.startDate']);
  });

  it('keeps the source given', () => {
    const input = { ...belgian(), source: 'KBO_IMPORT' as const };
    expect(validateCreateBusiness(input, BE).value.source).toBe('KBO_IMPORT');
  });

  it('treats blank optional texts as absent', () => {
    const { problems, value } = validateCreateBusiness(
      {
        ...belgian(),
        establishmentNumber: ' ',
        commercialName: '',
        legalForm: '  ',
        contacts: { phone: ' ', email: '', website: null },
        description: { fr: '   ' },
      },
      BE,
    );
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      establishmentNumber: null,
      commercialName: null,
      legalForm: null,
      contacts: { phone: null, email: null, website: null },
      description: { fr: null, nl: null, de: null, en: null },
    });
  });

  describe('identifiers', () => {
    it('checks a Belgian enterprise number in a Belgian commune', () => {
      expect(problemsOf((i) => (i.enterpriseNumber = '0202.239.952'))).toEqual([
        { field: 'input.enterpriseNumber', reason: 'check digits 52 do not match (expected 51)' },
      ]);
    });

    it('checks a SIREN in a French commune', () => {
      expect(problemsOf((i) => (i.enterpriseNumber = '0202239951'), FR)).toEqual([
        { field: 'input.enterpriseNumber', reason: 'must have 9 digits (got 10)' },
      ]);
      expect(problemsOf((i) => (i.enterpriseNumber = '732829321'), FR)).toEqual([
        { field: 'input.enterpriseNumber', reason: 'check digit 1 does not match (expected 0)' },
      ]);
    });

    it('checks a Belgian establishment number in a Belgian commune', () => {
      expect(problemsOf((i) => (i.establishmentNumber = '0202.239.951'))).toEqual([
        {
          field: 'input.establishmentNumber',
          reason: 'must be written 2.xxx.xxx.xxx, 2 xxx xxx xxx or 10 digits',
        },
      ]);
    });

    it('checks a SIRET in a French commune', () => {
      expect(problemsOf((i) => (i.establishmentNumber = '73282932000075'), FR)).toEqual([
        { field: 'input.establishmentNumber', reason: 'check digit 5 does not match (expected 4)' },
      ]);
    });

    it("requires the SIRET to start with the enterprise's SIREN", () => {
      expect(problemsOf((i) => (i.establishmentNumber = '55210055400013'), FR)).toEqual([
        {
          field: 'input.establishmentNumber',
          reason: "must start with the enterprise's SIREN 732829320 (starts with 552100554)",
        },
      ]);
    });

    it('does not compare the SIRET with a SIREN that is itself wrong', () => {
      expect(problemsOf((i) => (i.enterpriseNumber = '123456789'), FR)).toEqual([
        { field: 'input.enterpriseNumber', reason: 'check digit 9 does not match (expected 2)' },
      ]);
    });
  });

  describe('texts', () => {
    it.each([
      ['name', '  ', 'must not be empty'],
      ['name', 'x'.repeat(201), 'must be at most 200 characters (got 201)'],
      ['name', 'Boulangerie\nDupont', 'must be on one line'],
      ['commercialName', 'x'.repeat(201), 'must be at most 200 characters (got 201)'],
      ['legalForm', 'x'.repeat(51), 'must be at most 50 characters (got 51)'],
    ] as const)('refuses %s %j: %s', (key, raw, reason) => {
      expect(problemsOf((i) => (i[key] = raw))).toEqual([{ field: `input.${key}`, reason }]);
    });

    it('limits each description language to 5000 characters and allows line breaks', () => {
      expect(
        problemsOf((i) => (i.description = { fr: 'Pain\n'.repeat(1000), de: 'x'.repeat(5001) })),
      ).toEqual([
        { field: 'input.description.de', reason: 'must be at most 5000 characters (got 5001)' },
      ]);
    });

    it('reports a required field set to null by a merged update', () => {
      const input: BusinessInput = { ...belgian(), name: null, activities: null, address: null };
      const reason = 'must not be null (it is required; leave it out to keep it unchanged)';
      expect(validateCreateBusiness(input, BE).problems).toEqual([
        { field: 'input.name', reason },
        { field: 'input.activities', reason },
        { field: 'input.address', reason },
      ]);
    });
  });

  describe('activities', () => {
    const activity = (code: string, main = false) => ({
      naceVersion: 'NACE_2008' as const,
      code,
      main,
    });

    it('requires at least one', () => {
      expect(problemsOf((i) => (i.activities = []))).toEqual([
        { field: 'input.activities', reason: 'must list at least one activity' },
      ]);
    });

    it('allows at most 10', () => {
      const codes = ['10.711', '47.240', '56.101', '56.301'];
      expect(
        problemsOf((i) => {
          i.activities = Array.from({ length: 11 }, (_, n) =>
            activity(`${codes[n % 4]}${' '.repeat(n)}`, n === 0),
          );
        }).filter((p) => p.field === 'input.activities'),
      ).toEqual([
        { field: 'input.activities', reason: 'must list at most 10 activities (got 11)' },
      ]);
    });

    it('makes a single activity main', () => {
      const input = { ...belgian(), activities: [activity('47.240')] };
      expect(validateCreateBusiness(input, BE).value.activities).toEqual([
        { naceVersion: 'NACE_2008', code: '47.240', main: true },
      ]);
    });

    it('requires one main activity among several', () => {
      expect(problemsOf((i) => (i.activities = [activity('10.711'), activity('47.240')]))).toEqual([
        { field: 'input.activities', reason: 'must mark one activity as main' },
      ]);
    });

    it('reports every extra main activity on its own flag', () => {
      expect(
        problemsOf(
          (i) =>
            (i.activities = [
              activity('10.711', true),
              activity('47.240'),
              activity('56.101', true),
              activity('56.301', true),
            ]),
        ),
      ).toEqual([
        {
          field: 'input.activities[2].main',
          reason: 'only one activity may be main, and input.activities[0] already is',
        },
        {
          field: 'input.activities[3].main',
          reason: 'only one activity may be main, and input.activities[0] already is',
        },
      ]);
    });

    it('checks every code with the NACE module, by version', () => {
      expect(
        problemsOf(
          (i) =>
            (i.activities = [
              activity('10.711', true),
              activity('99.999'),
              { naceVersion: 'NACE_2025', code: '47.240', main: false },
              activity('  '),
            ]),
        ),
      ).toEqual([
        { field: 'input.activities[1].code', reason: 'is not a NACE_2008 code' },
        { field: 'input.activities[2].code', reason: 'is not a NACE_2025 code' },
        { field: 'input.activities[3].code', reason: 'must not be empty' },
      ]);
    });

    it('refuses a code listed twice, with or without dots, but not across versions', () => {
      expect(
        problemsOf(
          (i) =>
            (i.activities = [
              activity('47.24', true),
              { naceVersion: 'NACE_2025', code: '10.711', main: false },
              activity('10.711'),
              activity('4724'),
            ]),
        ),
      ).toEqual([{ field: 'input.activities[3].code', reason: 'repeats input.activities[0]' }]);
    });
  });

  describe('address', () => {
    it("defaults the country to the commune's and upper-cases it", () => {
      const input = belgian();
      input.address.countryCode = ' be ';
      expect(validateCreateBusiness(input, BE).value.address.countryCode).toBe('BE');
      expect(validateCreateBusiness(french(), FR).value.address.countryCode).toBe('FR');
    });

    it("refuses another country than the commune's", () => {
      expect(problemsOf((i) => (i.address.countryCode = 'FR'))).toEqual([
        {
          field: 'input.address.countryCode',
          reason: 'must be BE: a commune lists only businesses on its territory (got FR)',
        },
      ]);
    });

    it("checks the postal code against the commune's country", () => {
      expect(problemsOf((i) => (i.address.postalCode = '59000'))).toEqual([
        {
          field: 'input.address.postalCode',
          reason: 'must be 4 digits, e.g. 1000 (BE postal code)',
        },
      ]);
      expect(problemsOf((i) => (i.address.postalCode = '1000'), FR)).toEqual([
        {
          field: 'input.address.postalCode',
          reason: 'must be 5 digits, e.g. 75001 (FR postal code)',
        },
      ]);
    });

    it.each([
      ['street', ' ', 'must not be empty'],
      ['street', 'x'.repeat(201), 'must be at most 200 characters (got 201)'],
      ['number', 'x'.repeat(21), 'must be at most 20 characters (got 21)'],
      ['box', 'x'.repeat(21), 'must be at most 20 characters (got 21)'],
      ['locality', '', 'must not be empty'],
      ['locality', 'x'.repeat(101), 'must be at most 100 characters (got 101)'],
    ] as const)('refuses %s %j: %s', (key, raw, reason) => {
      expect(problemsOf((i) => (i.address[key] = raw))).toEqual([
        { field: `input.address.${key}`, reason },
      ]);
    });
  });

  describe('location', () => {
    it('checks both coordinates', () => {
      expect(problemsOf((i) => (i.location = { lat: 91, lon: -181 }))).toEqual([
        { field: 'input.location.lat', reason: 'must be between -90 and 90 (got 91)' },
        { field: 'input.location.lon', reason: 'must be between -180 and 180 (got -181)' },
      ]);
    });
  });

  describe('contacts', () => {
    it('reads a national phone number as of the commune’s country', () => {
      const input = { ...french(), contacts: { phone: '03 20 49 50 00' } };
      expect(validateCreateBusiness(input, FR).value.contacts.phone).toBe('+33320495000');
    });

    it.each([
      ['phone', '09 999 99 99', 'is not a valid BE phone number'],
      ['email', 'info@dupont', 'must be an email address, e.g. info@example.be'],
      ['website', 'www.dupont.be', 'must start with http:// or https://'],
    ] as const)('refuses %s %j: %s', (key, raw, reason) => {
      expect(problemsOf((i) => (i.contacts = { ...i.contacts, [key]: raw }))).toEqual([
        { field: `input.contacts.${key}`, reason },
      ]);
    });
  });

  describe('opening hours', () => {
    it('allows 14 entries, not 15', () => {
      const entries = (n: number) => Array.from({ length: n }, () => 'Mo 09:00-12:00');
      expect(problemsOf((i) => (i.openingHours = entries(14)))).toEqual([]);
      expect(problemsOf((i) => (i.openingHours = entries(15)))).toEqual([
        { field: 'input.openingHours', reason: 'must have at most 14 entries (got 15)' },
      ]);
    });

    it('checks each entry', () => {
      expect(
        problemsOf(
          (i) =>
            (i.openingHours = ['Mo-Fr 09:00-18:00', 'Sa 10h-12h', '', `Mo ${'x'.repeat(100)}`]),
        ),
      ).toEqual([
        { field: 'input.openingHours[1]', reason: "'10' is not a time (use HH:MM, e.g. 09:00)" },
        { field: 'input.openingHours[2]', reason: 'must not be empty' },
        { field: 'input.openingHours[3]', reason: 'must be at most 100 characters (got 103)' },
      ]);
    });
  });

  it('collects every problem at once', () => {
    const input: CreateBusinessInput = {
      enterpriseNumber: '123',
      establishmentNumber: '1',
      name: '',
      activities: [],
      address: { street: '', postalCode: '12', locality: '', countryCode: 'NL' },
      location: { lat: 100, lon: 0 },
      contacts: { phone: 'x', email: 'x', website: 'x' },
      openingHours: ['x'],
      description: { en: 'x'.repeat(5001) },
    };
    expect(validateCreateBusiness(input, BE).problems.map((p) => p.field)).toEqual([
      'input.enterpriseNumber',
      'input.establishmentNumber',
      'input.name',
      'input.activities',
      'input.address.countryCode',
      'input.address.street',
      'input.address.postalCode',
      'input.address.locality',
      'input.location.lat',
      'input.contacts.phone',
      'input.contacts.email',
      'input.contacts.website',
      'input.openingHours[0]',
      'input.description.en',
    ]);
  });
});
