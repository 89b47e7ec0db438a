import { foldText } from './text';

describe('foldText', () => {
  it('removes accents and lowers the case', () => {
    expect(foldText('Élise Müller-Çağlar')).toBe('elise muller caglar');
    expect(foldText('ÀÉÎÕÜ àéîõü')).toBe('aeiou aeiou');
  });

  it('spells out ligatures and the sharp s', () => {
    expect(foldText('Œuvre Cœur')).toBe('oeuvre coeur');
    expect(foldText('Ægidius cæcum')).toBe('aegidius caecum');
    expect(foldText('Straße')).toBe('strasse');
  });

  it('keeps ASCII letters and digits only, one space between words', () => {
    expect(foldText("  L'Atelier   d'Anne & Co. — n°12!  ")).toBe('l atelier d anne co n 12');
    expect(foldText('ﬁne ①')).toBe('fine 1');
    expect(foldText('日本')).toBe('');
  });

  it('gives the same key to the same name however it is written', () => {
    expect(foldText('Café de la Gare')).toBe(foldText('CAFE  DE LA GARE'));
    expect(foldText('Cafe\u0301')).toBe(foldText('Café'));
  });
});
