import fc from 'fast-check';
import {
  belgianCheckDigits,
  isLuhnValid,
  luhnCheckDigit,
  parseBelgianEnterpriseNumber,
  parseBelgianEstablishmentNumber,
  parseSiren,
  parseSiret,
} from './identifiers';

const digitString = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((d) => d.join(''));

describe('belgianCheckDigits', () => {
  it('computes 97 minus the first eight digits modulo 97', () => {
    // Published numbers: 0202.239.951 and 0203.201.340.
    expect(belgianCheckDigits('02022399')).toBe('51');
    expect(belgianCheckDigits('02032013')).toBe('40');
    expect(belgianCheckDigits('20000003')).toBe('39');
  });

  it('pads to two digits and gives 97 when the remainder is 0', () => {
    expect(belgianCheckDigits('04031707')).toBe('01');
    expect(belgianCheckDigits('09700000')).toBe('97');
  });

  it('refuses anything but 8 digits', () => {
    expect(() => belgianCheckDigits('1234567')).toThrow(RangeError);
    expect(() => belgianCheckDigits('1234567a')).toThrow(RangeError);
  });
});

describe('luhnCheckDigit', () => {
  it('computes the digit that completes a Luhn-valid number', () => {
    // Published SIRENs 732 829 320 and 542 051 180; SIRET 732 829 320 00074.
    expect(luhnCheckDigit('73282932')).toBe('0');
    expect(luhnCheckDigit('54205118')).toBe('0');
    expect(luhnCheckDigit('1234567')).toBe('4');
    expect(luhnCheckDigit('7328293200007')).toBe('4');
  });

  it('agrees with isLuhnValid for any payload', () => {
    fc.assert(
      fc.property(digitString(13), (payload) => {
        const check = luhnCheckDigit(payload);
        expect(isLuhnValid(payload + check)).toBe(true);
        expect(isLuhnValid(payload + ((Number(check) + 1) % 10))).toBe(false);
      }),
    );
  });

  it('refuses non-digits', () => {
    expect(() => luhnCheckDigit('12a')).toThrow(RangeError);
  });
});

describe('parseBelgianEnterpriseNumber', () => {
  it.each([
    ['0202.239.951', '0202239951'],
    ['0202 239 951', '0202239951'],
    ['BE0202239951', '0202239951'],
    ['be 0202.239.951', '0202239951'],
    ['0202239951', '0202239951'],
    ['  0203.201.340 ', '0203201340'],
    ['202239951', '0202239951'],
    ['202.239.951', '0202239951'],
    ['0970000097', '0970000097'],
  ])('accepts %j as %s', (raw, value) => {
    expect(parseBelgianEnterpriseNumber(raw)).toEqual({ ok: true, value });
  });

  it('accepts every number built with belgianCheckDigits, including the 1xxx series', () => {
    fc.assert(
      fc.property(fc.constantFrom('0', '1'), digitString(7), (first, rest) => {
        const number = first + rest + belgianCheckDigits(first + rest);
        expect(parseBelgianEnterpriseNumber(number)).toEqual({ ok: true, value: number });
      }),
    );
  });

  it.each([
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
    [
      '0202-239-951',
      'must contain only digits, dots or spaces (0xxx.xxx.xxx, 0xxx xxx xxx, BE0xxxxxxxxx or 10 digits)',
    ],
    [
      'FR0202239951',
      'must contain only digits, dots or spaces (0xxx.xxx.xxx, 0xxx xxx xxx, BE0xxxxxxxxx or 10 digits)',
    ],
    ['0202.239.95', 'must have 10 digits (got 9)'],
    ['02022399511', 'must have 10 digits (got 11)'],
    ['02022399', 'must have 10 digits (got 8)'],
    ['02.02.239.951', 'must be written 0xxx.xxx.xxx, 0xxx xxx xxx, BE0xxxxxxxxx or 10 digits'],
    ['0202.239 951', 'must be written 0xxx.xxx.xxx, 0xxx xxx xxx, BE0xxxxxxxxx or 10 digits'],
    [
      '2000000339',
      'must start with 0 or 1 (got 2); numbers starting 2 to 8 are establishment numbers',
    ],
    ['9000000099', 'must start with 0 or 1 (got 9)'],
    ['0202.239.952', 'check digits 52 do not match (expected 51)'],
    ['0202.239.915', 'check digits 15 do not match (expected 51)'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(parseBelgianEnterpriseNumber(raw)).toEqual({ ok: false, reason });
  });

  it('treats a 9-digit legacy number like its 10-digit form', () => {
    // 0202.239.95 has 9 digits: once padded it is 0020223995, whose check digits are wrong.
    expect(parseBelgianEnterpriseNumber('020223995')).toEqual({
      ok: false,
      reason: 'check digits 95 do not match (expected 06)',
    });
  });
});

describe('parseBelgianEstablishmentNumber', () => {
  it.each([
    ['2.000.000.339', '2000000339'],
    ['2 000 000 339', '2000000339'],
    ['2000000339', '2000000339'],
  ])('accepts %j', (raw, value) => {
    expect(parseBelgianEstablishmentNumber(raw)).toEqual({ ok: true, value });
  });

  it('accepts every number from 2 to 8 built with belgianCheckDigits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), digitString(7), (first, rest) => {
        const number = `${first}${rest}${belgianCheckDigits(`${first}${rest}`)}`;
        expect(parseBelgianEstablishmentNumber(number)).toEqual({ ok: true, value: number });
      }),
    );
  });

  it.each([
    ['', 'must not be empty'],
    [
      'BE2000000339',
      'must contain only digits, dots or spaces (2.xxx.xxx.xxx, 2 xxx xxx xxx or 10 digits)',
    ],
    ['200000033', 'must have 10 digits (got 9)'],
    ['2000.000.339', 'must be written 2.xxx.xxx.xxx, 2 xxx xxx xxx or 10 digits'],
    ['0202.239.951', 'must be written 2.xxx.xxx.xxx, 2 xxx xxx xxx or 10 digits'],
    [
      '0202239951',
      'must start with a digit from 2 to 8 (got 0); numbers starting 0 or 1 are enterprise numbers',
    ],
    [
      `9${'0000000'}${belgianCheckDigits('90000000')}`,
      'must start with a digit from 2 to 8 (got 9)',
    ],
    ['2.000.000.393', 'check digits 93 do not match (expected 39)'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(parseBelgianEstablishmentNumber(raw)).toEqual({ ok: false, reason });
  });
});

describe('parseSiren', () => {
  it.each([
    ['732829320', '732829320'],
    ['732 829 320', '732829320'],
    ['542\u00a0051\u00a0180', '542051180'],
    [' 552100554 ', '552100554'],
  ])('accepts %j', (raw, value) => {
    expect(parseSiren(raw)).toEqual({ ok: true, value });
  });

  it('accepts every number built with luhnCheckDigit', () => {
    fc.assert(
      fc.property(digitString(8), (payload) => {
        const siren = payload + luhnCheckDigit(payload);
        expect(parseSiren(siren)).toEqual({ ok: true, value: siren });
      }),
    );
  });

  it.each([
    ['', 'must not be empty'],
    ['732.829.320', 'must contain only digits and spaces'],
    ['73282932', 'must have 9 digits (got 8)'],
    ['73282932000074', 'must have 9 digits (got 14)'],
    ['732829321', 'check digit 1 does not match (expected 0)'],
    ['123456789', 'check digit 9 does not match (expected 2)'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(parseSiren(raw)).toEqual({ ok: false, reason });
  });
});

describe('parseSiret', () => {
  it.each([
    ['73282932000074', '73282932000074'],
    ['732 829 320 00074', '73282932000074'],
    ['55210055400013', '55210055400013'],
    // La Poste: the head office is Luhn-valid, its other establishments sum to a multiple of 5.
    ['35600000000048', '35600000000048'],
    ['356 000 000 49837', '35600000049837'],
  ])('accepts %j', (raw, value) => {
    expect(parseSiret(raw)).toEqual({ ok: true, value });
  });

  it('accepts every number built with luhnCheckDigit', () => {
    fc.assert(
      fc.property(digitString(8), digitString(4), (payload, nic) => {
        const siren = payload + luhnCheckDigit(payload);
        fc.pre(siren !== '356000000');
        const siret = siren + nic + luhnCheckDigit(siren + nic);
        expect(parseSiret(siret)).toEqual({ ok: true, value: siret });
      }),
    );
  });

  it.each([
    ['', 'must not be empty'],
    ['732829320-00074', 'must contain only digits and spaces'],
    ['7328293200007', 'must have 14 digits (got 13)'],
    ['73282932000075', 'check digit 5 does not match (expected 4)'],
    [
      '12345678900017',
      'first 9 digits are not a valid SIREN: check digit 9 does not match (expected 2)',
    ],
    // Luhn-valid, yet La Poste numbers are checked by their digit sum.
    ['35600000000055', 'digit sum 24 is not a multiple of 5 (the check for La Poste SIRETs)'],
    ['35600000049838', 'digit sum 46 is not a multiple of 5 (the check for La Poste SIRETs)'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(parseSiret(raw)).toEqual({ ok: false, reason });
  });
});
