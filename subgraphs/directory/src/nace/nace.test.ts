import {
  checkNaceCode,
  isKnownNaceCode,
  knownNaceCodes,
  NACE_VERSIONS,
  naceDivisions,
  naceLabel,
  nacePrefixOf,
  naceSection,
  naceSectionLabel,
  naceSections,
  normaliseNaceCode,
} from '.';

describe('normaliseNaceCode', () => {
  it.each([
    ['47.240', '47.240'],
    ['47240', '47.240'],
    ['4724', '47.24'],
    ['47.24', '47.24'],
    ['472', '47.2'],
    ['47.2', '47.2'],
    ['47', '47'],
    [' 10.711 ', '10.711'],
    ['01', '01'],
  ])('reads %p as %p', (input, expected) => {
    expect(normaliseNaceCode(input)).toBe(expected);
  });

  it.each(['', '4', '4.7', '47.', '47.2401', '472401', '47-24', 'A47', '47.2.4', '4 7', '47 24'])(
    'refuses %p',
    (input) => {
      expect(normaliseNaceCode(input)).toBeNull();
    },
  );
});

describe('nacePrefixOf', () => {
  it('gives the digits of a code or prefix', () => {
    expect(nacePrefixOf('47.2')).toBe('472');
    expect(nacePrefixOf('47')).toBe('47');
    expect(nacePrefixOf('10.711')).toBe('10711');
    expect(nacePrefixOf('4724')).toBe('4724');
    expect(nacePrefixOf('47%')).toBeNull();
  });
});

describe('reference data', () => {
  it('has the 21 sections A–U and 88 divisions of NACE-BEL 2008', () => {
    expect(
      naceSections('NACE_2008')
        .map((s) => s.letter)
        .join(''),
    ).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(naceDivisions('NACE_2008')).toHaveLength(88);
  });

  it('has the 22 sections A–V and 87 divisions of NACE-BEL 2025', () => {
    expect(
      naceSections('NACE_2025')
        .map((s) => s.letter)
        .join(''),
    ).toBe('ABCDEFGHIJKLMNOPQRSTUV');
    expect(naceDivisions('NACE_2025')).toHaveLength(87);
  });

  it.each(NACE_VERSIONS)('%s: divisions are unique, sorted and in known sections', (version) => {
    const codes = naceDivisions(version).map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    const letters = new Set(naceSections(version).map((s) => s.letter));
    for (const division of naceDivisions(version)) {
      expect(letters.has(division.section)).toBe(true);
      expect(division.label).not.toBe('');
    }
    // Sections are contiguous runs of divisions, as in the classification.
    const order = naceDivisions(version).map((d) => d.section);
    expect(order.filter((s, i) => s !== order[i - 1])).toEqual([...letters]);
  });

  it('differs between the versions where Rev. 2.1 changed the structure', () => {
    const divisions2008 = naceDivisions('NACE_2008').map((d) => d.code);
    const divisions2025 = naceDivisions('NACE_2025').map((d) => d.code);
    expect(divisions2008.filter((d) => !divisions2025.includes(d))).toEqual(['45']);
    expect(divisions2025.filter((d) => !divisions2008.includes(d))).toEqual([]);
    expect(naceSection('NACE_2008', '62.010').letter).toBe('J');
    expect(naceSection('NACE_2025', '62.10').letter).toBe('K');
    expect(naceSection('NACE_2025', '58').letter).toBe('J');
    expect(naceSection('NACE_2008', '96.021').letter).toBe('S');
    expect(naceSection('NACE_2025', '96.21').letter).toBe('T');
    expect(naceSection('NACE_2008', '99').letter).toBe('U');
    expect(naceSection('NACE_2025', '99').letter).toBe('V');
  });

  it('curates at least 120 NACE-BEL 2008 subclasses, each under a known division', () => {
    const subclasses = knownNaceCodes('NACE_2008').filter((c) => c.length === 6);
    expect(subclasses.length).toBeGreaterThanOrEqual(120);
    for (const version of NACE_VERSIONS) {
      for (const code of knownNaceCodes(version)) {
        expect(normaliseNaceCode(code)).toBe(code);
        expect(checkNaceCode(version, code)).toBeNull();
      }
    }
  });
});

describe('checkNaceCode', () => {
  it.each([
    ['NACE_2008', '47.241'],
    ['NACE_2008', '47241'],
    ['NACE_2008', '45.201'],
    ['NACE_2008', '01'],
    ['NACE_2008', '99.000'],
    ['NACE_2025', '95.31'],
    ['NACE_2025', '62.1'],
    ['NACE_2025', '99'],
  ] as const)('%s accepts %p', (version, code) => {
    expect(checkNaceCode(version, code)).toBeNull();
  });

  it('accepts a deeper code outside the curated list when its division exists', () => {
    expect(isKnownNaceCode('NACE_2008', '47.240')).toBe(false);
    expect(checkNaceCode('NACE_2008', '47.240')).toBeNull();
    expect(checkNaceCode('NACE_2008', '99.999')).toBeNull();
  });

  it('refuses a malformed code', () => {
    expect(checkNaceCode('NACE_2008', '4x')).toMatch(/^'4x' is not a NACE code: expected 2 digits/);
    expect(checkNaceCode('NACE_2025', '47.2401')).toMatch(/is not a NACE code/);
  });

  it('refuses a division that does not exist', () => {
    expect(checkNaceCode('NACE_2008', '00')).toBe(
      '00 is not a NACE-BEL 2008 code: division 00 does not exist in that version (no NACE version has it)',
    );
    expect(checkNaceCode('NACE_2025', '04.1')).toMatch(/division 04 does not exist/);
    expect(checkNaceCode('NACE_2008', '48')).toMatch(/division 48 does not exist/);
  });

  it('refuses a code of the other version', () => {
    expect(checkNaceCode('NACE_2025', '45.201')).toBe(
      '45.201 is not a NACE-BEL 2025 code: division 45 does not exist in that version (NACE-BEL 2025 moved the motor trade to divisions 46 and 47 and motor repair to 95)',
    );
  });
});

describe('labels', () => {
  it.each([
    ['NACE_2008', '10.712', 'Fabrication artisanale de pain et de pâtisserie fraîche'],
    ['NACE_2008', '10711', 'Fabrication industrielle de pain et de pâtisserie fraîche'],
    ['NACE_2008', '56.101', 'Restauration à service complet'],
    ['NACE_2008', '96.021', 'Coiffure'],
    ['NACE_2008', '86.210', 'Activités des médecins généralistes'],
    ['NACE_2008', '69.101', 'Activités des avocats'],
    ['NACE_2008', '62.010', 'Programmation informatique'],
    ['NACE_2008', '43.221', 'Travaux de plomberie'],
    [
      'NACE_2008',
      '47.241',
      'Commerce de détail de pain et de pâtisserie en magasin spécialisé (dépôt)',
    ],
    // The class of an undivided subclass shares its label.
    ['NACE_2008', '62.01', 'Programmation informatique'],
    ['NACE_2025', '96.21', 'Coiffure et barbier'],
  ] as const)('%s %s is %p', (version, code, label) => {
    expect(naceLabel(version, code)).toBe(label);
  });

  it('falls back to the class, then the division', () => {
    expect(naceLabel('NACE_2008', '47.240')).toBe(
      'Commerce de détail de pain, de pâtisserie et de confiserie en magasin spécialisé',
    );
    expect(naceLabel('NACE_2008', '47.2')).toBe(
      "Commerce de détail, à l'exception des véhicules automobiles et des motocycles",
    );
    expect(naceLabel('NACE_2025', '61.10')).toBe('Télécommunications');
  });

  it('throws for a code checkNaceCode refuses', () => {
    expect(() => naceLabel('NACE_2025', '45.201')).toThrow(RangeError);
    expect(() => naceSection('NACE_2008', 'abc')).toThrow(/is not a NACE code/);
  });

  it('labels sections', () => {
    expect(naceSection('NACE_2008', '47.241')).toEqual({
      letter: 'G',
      label: 'Commerce de gros et de détail; réparation de véhicules automobiles et de motocycles',
    });
    expect(naceSectionLabel('NACE_2025', 'K')).toMatch(/^Télécommunications, programmation/);
    expect(() => naceSectionLabel('NACE_2008', 'V')).toThrow(RangeError);
  });
});
