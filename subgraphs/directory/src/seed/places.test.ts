import { DEMO_PLACES, demoPlace, distanceKm } from './places';

const places = Object.values(DEMO_PLACES);

describe('DEMO_PLACES', () => {
  it('has the demo communes keyed by their official code', () => {
    expect(Object.keys(DEMO_PLACES).sort()).toEqual([
      'BE-25121',
      'BE-52011',
      'BE-62063',
      'BE-92094',
      'FR-59350',
      'FR-59512',
    ]);
    for (const [code, place] of Object.entries(DEMO_PLACES)) {
      expect(place.code).toBe(code);
      expect(code.startsWith(`${place.country}-`)).toBe(true);
    }
    expect(demoPlace('BE-92094').name).toBe('Namur');
    expect(() => demoPlace('FR-75056')).toThrow(/no demo geography for commune FR-75056/);
  });

  it('gives each commune of a country its own identifier slot', () => {
    for (const country of ['BE', 'FR'] as const) {
      const slots = places.filter((p) => p.country === country).map((p) => p.slot);
      expect(new Set(slots).size).toBe(slots.length);
    }
  });

  it.each(places.map((p) => [p.name, p] as const))(
    '%s: postal codes, localities, centres and streets are consistent',
    (_name, place) => {
      const format = place.country === 'BE' ? /^[1-9]\d{3}$/ : /^\d{5}$/;
      const streets = new Set<string>();
      for (const locality of place.localities) {
        expect(locality.postalCode).toMatch(format);
        expect(distanceKm(place.centre, locality.centre) + locality.radiusKm).toBeLessThan(15);
        expect(locality.weight > 0).toBe(locality.streets.length > 0);
        locality.streets.forEach((street) => streets.add(street));
      }
      expect(streets.size).toBeGreaterThanOrEqual(25);
      const pairs = place.localities.map((l) => `${l.postalCode} ${l.locality}`);
      expect(new Set(pairs).size).toBe(pairs.length);
    },
  );

  it('lists the sections of Namur and the postal codes of Lille', () => {
    const namur = demoPlace('BE-92094').localities.map((l) => `${l.postalCode} ${l.locality}`);
    expect(namur).toEqual(
      expect.arrayContaining([
        '5000 Namur',
        '5001 Belgrade',
        '5002 Saint-Servais',
        '5003 Saint-Marc',
        '5004 Bouge',
        '5020 Champion',
        '5020 Daussoulx',
        '5020 Flawinne',
        '5020 Malonne',
        '5020 Suarlée',
        '5020 Temploux',
        '5020 Vedrin',
        '5021 Boninne',
        '5022 Cognelée',
        '5024 Gelbressée',
        '5024 Marche-les-Dames',
        '5100 Jambes',
        '5100 Dave',
        '5100 Naninne',
        '5100 Wépion',
        '5100 Wierde',
        '5101 Erpent',
        '5101 Lives-sur-Meuse',
        '5101 Loyers',
      ]),
    );
    const lille = new Set(demoPlace('FR-59350').localities.map((l) => l.postalCode));
    expect([...lille].sort()).toEqual(['59000', '59160', '59260', '59777', '59800']);
  });

  it('measures distances', () => {
    // Namur to Liège, centre to centre, is about 50 km as the crow flies.
    expect(distanceKm(demoPlace('BE-92094').centre, demoPlace('BE-62063').centre)).toBeCloseTo(
      50,
      -1,
    );
  });
});
