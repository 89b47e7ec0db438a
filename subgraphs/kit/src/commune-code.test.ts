import { COMMUNE_CODE_FORMAT, countryOf, isCommuneCode } from './commune-code';

describe('isCommuneCode', () => {
  it.each(['BE-92094', 'BE-21004', 'FR-59350', 'FR-75056', 'FR-2A004', 'FR-2B033'])(
    'accepts %s',
    (code) => {
      expect(isCommuneCode(code)).toBe(true);
    },
  );

  it.each([
    ['a Belgian NIS code starting with 0', 'BE-02094'],
    ['a code with four digits', 'BE-9209'],
    ['a code with six digits', 'FR-593500'],
    ['a country in lower case', 'be-92094'],
    ['no country', '92094'],
    ['a country outside the network', 'NL-12345'],
    ['a Corsican code other than 2A or 2B', 'FR-2C004'],
    ['letters outside Corsica', 'FR-5A350'],
    ['surrounding spaces', ' BE-92094 '],
    ['no dash', 'BE92094'],
    ['nothing', ''],
  ])('refuses %s', (_why, code) => {
    expect(isCommuneCode(code)).toBe(false);
  });

  it('describes the format it accepts', () => {
    expect(COMMUNE_CODE_FORMAT).toMatch(/BE-.*NIS.*FR-.*INSEE/);
  });
});

describe('countryOf', () => {
  it('reads the country from the code', () => {
    expect(countryOf('BE-92094')).toBe('BE');
    expect(countryOf('FR-2A004')).toBe('FR');
  });
});
