import type { DataSource } from 'typeorm';
import { silentLogger } from '@communes/kit';
import { createExportRouter } from './router';
import { ScdlConfigError, kboAsSiret, scdlCollectivity } from './collectivity';

const LILLE = { code: 'FR-59350', name: 'Lille', country: 'FR' } as const;
const NAMUR = { code: 'BE-92094', name: 'Namur', country: 'BE' } as const;

describe('scdlCollectivity', () => {
  it('takes a French commune’s SIRET and its department’s prefecture', () => {
    expect(scdlCollectivity(LILLE, { siret: '215 903 501 00017' })).toEqual({
      name: 'Lille',
      siret: '21590350100017',
      prefectureId: 'PREF059',
    });
    const ajaccio = { code: 'FR-2A004', name: 'Ajaccio', country: 'FR' } as const;
    expect(scdlCollectivity(ajaccio, {}).prefectureId).toBe('PREF02A');
    const stDenis = { code: 'FR-97411', name: 'Saint-Denis', country: 'FR' } as const;
    expect(scdlCollectivity(stDenis, {}).prefectureId).toBe('PREF974');
    expect(scdlCollectivity(LILLE, { prefectureId: 'SPREF0591' }).prefectureId).toBe('SPREF0591');
  });

  it('writes a Belgian commune’s KBO number in 14 digits, with no prefecture', () => {
    expect(scdlCollectivity(NAMUR, { enterpriseNumber: 'BE 0216.689.981' })).toEqual({
      name: 'Namur',
      siret: '00000216689981',
      prefectureId: '',
    });
    expect(kboAsSiret('0216689981')).toMatch(/^\d{14}$/);
  });

  it('leaves the identifier unknown when the node has none', () => {
    expect(scdlCollectivity(LILLE, {}).siret).toBeNull();
    expect(scdlCollectivity(NAMUR, { siret: '21590350100017' }).siret).toBeNull();
  });

  it('refuses malformed settings at start-up', () => {
    expect(() => scdlCollectivity(LILLE, { siret: '21590350100018' })).toThrow(ScdlConfigError);
    expect(() => scdlCollectivity(LILLE, { siret: '2159035010001' })).toThrow(/Luhn/);
    expect(() => scdlCollectivity(NAMUR, { enterpriseNumber: '0216689980' })).toThrow(/mod 97/);
    expect(() => scdlCollectivity(NAMUR, { enterpriseNumber: '216689981' })).toThrow(
      ScdlConfigError,
    );
    expect(() => scdlCollectivity(LILLE, { prefectureId: 'PREF59' })).toThrow(/PREFNNN/);
  });
});

describe('createExportRouter settings', () => {
  const db = {} as DataSource;
  const logger = silentLogger;

  it('refuses a bad item URL template or page size when the node starts', () => {
    const commune = { code: 'BE-92094', name: 'Namur', country: 'BE' } as const;
    expect(() =>
      createExportRouter({ db, logger, commune, itemUrlTemplate: 'www.namur.be/{id}' }),
    ).toThrow(ScdlConfigError);
    expect(() =>
      createExportRouter({
        db,
        logger,
        commune,
        itemUrlTemplate: 'https://www.namur.be/deliberations',
      }),
    ).toThrow(/\{id\}/);
    expect(() => createExportRouter({ db, logger, commune, pageSize: 0 })).toThrow(/pageSize/);
    expect(
      createExportRouter({ db, logger, commune, enterpriseNumber: '0216689981' }),
    ).toBeInstanceOf(Function);
  });
});
