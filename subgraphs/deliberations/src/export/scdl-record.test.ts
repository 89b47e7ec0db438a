import { allTopics } from '../actes';
import { PERSONAL_DATA_PLACEHOLDER } from '../personal-data';
import type { DecidedItemRow } from './decided-items';
import { toScdlRecord, type ScdlRecordContext } from './scdl-record';
import { SCDL_FIELDS } from './scdl-fields';

const CONTEXT: ScdlRecordContext = {
  collectivity: { name: 'Namur', siret: '00000216689981', prefectureId: '' },
  itemUrlTemplate: undefined,
};

const item = (changes: Partial<DecidedItemRow> = {}): DecidedItemRow => ({
  id: '0b6f3c1e-8d2a-4f5b-9c7d-1e2f3a4b5c6d',
  title: 'Approbation du budget communal 2026',
  topicCode: '7.1',
  decidedOn: '2025-12-18',
  decidedAt: new Date('2025-12-18T18:30:00Z'),
  pollType: 'PUBLIC',
  yes: 25,
  no: 12,
  abstain: 6,
  votingMembers: 47,
  documentUrl: null,
  budgetYear: null,
  budgetName: null,
  ...changes,
});

const votes = (record: Record<string, string>) =>
  ['VOTE_EFFECTIF', 'VOTE_REEL', 'VOTE_POUR', 'VOTE_CONTRE', 'VOTE_ABSTENTION'].map(
    (c) => record[c],
  );

describe('toScdlRecord', () => {
  it('fills every SCDL column from a decided item', () => {
    const record = toScdlRecord(item(), CONTEXT);
    expect(Object.keys(record)).toEqual([...SCDL_FIELDS]);
    expect(record).toMatchObject({
      COLL_NOM: 'Namur',
      COLL_SIRET: '00000216689981',
      DELIB_ID: '0b6f3c1e-8d2a-4f5b-9c7d-1e2f3a4b5c6d',
      DELIB_DATE: '2025-12-18',
      DELIB_MATIERE_CODE: '7.1',
      DELIB_MATIERE_NOM: 'finances locales/décisions budgétaires',
      DELIB_OBJET: 'Approbation du budget communal 2026',
      BUDGET_ANNEE: '',
      BUDGET_NOM: '',
      PREF_ID: '',
      PREF_DATE: '',
      DELIB_URL: '',
    });
    expect(votes(record)).toEqual(['47', '43', '25', '12', '6']);
  });

  it('counts only the votes cast as VOTE_REEL, as SCDL sums them', () => {
    const secret = toScdlRecord(item({ pollType: 'SECRET', yes: 30, no: 5, abstain: 2 }), CONTEXT);
    expect(votes(secret)).toEqual(['47', '37', '30', '5', '2']);
  });

  it('counts a decision by consensus as every member present for', () => {
    const consensus = toScdlRecord(item({ pollType: 'NONE', yes: 44, no: 0, abstain: 0 }), CONTEXT);
    expect(votes(consensus)).toEqual(['47', '44', '44', '0', '0']);
  });

  it('leaves the five vote columns empty together when they cannot all be told', () => {
    const none = ['', '', '', '', ''];
    expect(
      votes(toScdlRecord(item({ pollType: null, yes: null, no: null, abstain: null }), CONTEXT)),
    ).toEqual(none);
    expect(votes(toScdlRecord(item({ votingMembers: 0 }), CONTEXT))).toEqual(none);
    expect(votes(toScdlRecord(item({ votingMembers: 40 }), CONTEXT))).toEqual(none);
  });

  it('masks personal data in the object', () => {
    const record = toScdlRecord(
      item({ title: 'Acquisition du bien de [[personal: Madame Anne Leroy]] — rue de Fer' }),
      CONTEXT,
    );
    expect(record.DELIB_OBJET).toBe(
      `Acquisition du bien de ${PERSONAL_DATA_PLACEHOLDER} — rue de Fer`,
    );
  });

  it('links the attached PDF, else the commune’s page for the item', () => {
    const pdf = 'https://www.namur.be/files/deliberation.pdf';
    expect(toScdlRecord(item({ documentUrl: pdf }), CONTEXT).DELIB_URL).toBe(pdf);
    const withPages = { ...CONTEXT, itemUrlTemplate: 'https://www.namur.be/d/{id}' };
    expect(toScdlRecord(item(), withPages).DELIB_URL).toBe(
      'https://www.namur.be/d/0b6f3c1e-8d2a-4f5b-9c7d-1e2f3a4b5c6d',
    );
    expect(toScdlRecord(item({ documentUrl: pdf }), withPages).DELIB_URL).toBe(pdf);
  });

  it('fills BUDGET_ANNEE and BUDGET_NOM together or not at all', () => {
    const both = toScdlRecord(item({ budgetYear: '2026', budgetName: 'Budget communal' }), CONTEXT);
    expect([both.BUDGET_ANNEE, both.BUDGET_NOM]).toEqual(['2026', 'Budget communal']);
    const half = toScdlRecord(item({ budgetYear: '2026' }), CONTEXT);
    expect([half.BUDGET_ANNEE, half.BUDGET_NOM]).toEqual(['', '']);
  });

  it('names every ACTES topic as SCDL validators expect', () => {
    const levels1 = new Set([
      'commande publique',
      'urbanisme',
      'domaine et patrimoine',
      'fonction publique',
      'institutions et vie politique',
      'libertés publiques et pouvoirs de police',
      'finances locales',
      'domaines de compétences par thèmes',
      'autres domaines de compétences',
    ]);
    for (const topic of allTopics()) {
      const name = toScdlRecord(item({ topicCode: topic.code }), CONTEXT).DELIB_MATIERE_NOM;
      const [level1, ...rest] = name.split('/');
      expect([topic.code, levels1.has(level1!)]).toEqual([topic.code, true]);
      expect([topic.code, rest.length, /[,()]|^\s|\s$/.test(rest.join(''))]).toEqual([
        topic.code,
        1,
        false,
      ]);
    }
  });
});
