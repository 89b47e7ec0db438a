import { ACTES_NOMENCLATURE } from './actes-nomenclature';
import { TOPIC_CODE_PATTERN, scdlMatterName, topicFilterOf, topicOf } from './topics';

describe('ACTES nomenclature', () => {
  it('holds the level-2 codes SCDL lists, each in DELIB_MATIERE_CODE shape', () => {
    const counts = ACTES_NOMENCLATURE.map((m) => `${m.code}:${m.topics.length}`);
    expect(counts).toEqual(['1:7', '2:3', '3:6', '4:5', '5:8', '6:5', '7:10', '8:9', '9:4']);
    for (const matter of ACTES_NOMENCLATURE) {
      for (const topic of matter.topics) {
        expect(topic.code).toMatch(TOPIC_CODE_PATTERN);
        expect(topic.code.startsWith(`${matter.code}.`)).toBe(true);
      }
    }
  });

  it('reads topics and topic filters', () => {
    expect(topicOf('7.1')).toEqual({ code: '7.1', name: 'Décisions budgétaires' });
    expect(topicOf('7.11')).toBeNull();
    expect(topicFilterOf('7.1')).toEqual({ exact: '7.1' });
    expect(topicFilterOf('7')).toEqual({ matter: '7' });
    expect(topicFilterOf('10')).toBeNull();
    expect(scdlMatterName('1.1')).toBe('commande publique/marchés publics');
  });
});
