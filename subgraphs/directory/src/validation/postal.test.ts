import { validatePostalCode } from './postal';

describe('validatePostalCode', () => {
  it.each([
    ['BE', '1000'],
    ['BE', ' 4000 '],
    ['BE', '9999'],
    ['FR', '75001'],
    ['FR', '01000'],
    ['FR', '20000'],
    ['FR', '97400'],
    ['FR', '98999'],
  ] as const)('accepts %s %j', (country, code) => {
    expect(validatePostalCode(country, code)).toBeNull();
  });

  it.each([
    ['BE', '', 'must not be empty (BE postal codes are 4 digits, e.g. 1000)'],
    ['BE', '100', 'must be 4 digits, e.g. 1000 (BE postal code)'],
    ['BE', '10000', 'must be 4 digits, e.g. 1000 (BE postal code)'],
    ['BE', 'B-1000', 'must be 4 digits, e.g. 1000 (BE postal code)'],
    ['BE', '10 00', 'must be 4 digits, e.g. 1000 (BE postal code)'],
    ['BE', '0999', 'must be between 1000 and 9999 (BE postal code)'],
    ['FR', '  ', 'must not be empty (FR postal codes are 5 digits, e.g. 75001)'],
    ['FR', '7500', 'must be 5 digits, e.g. 75001 (FR postal code)'],
    ['FR', '75 001', 'must be 5 digits, e.g. 75001 (FR postal code)'],
    ['FR', '2A004', 'must be 5 digits, e.g. 75001 (FR postal code)'],
    ['FR', '00999', 'must be between 01000 and 98999 (FR postal code)'],
    ['FR', '99000', 'must be between 01000 and 98999 (FR postal code)'],
  ] as const)('refuses %s %j: %s', (country, code, reason) => {
    expect(validatePostalCode(country, code)).toBe(reason);
  });
});
