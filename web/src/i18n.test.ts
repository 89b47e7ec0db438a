import { CATALOGUES, LANGUAGES, initialLanguage } from './i18n';

/** Every key path of a catalogue (`reports.tableCaption`), leaves only. */
function keysOf(catalogue: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    value !== null && typeof value === 'object'
      ? keysOf(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

/** The `{{name}}` placeholders of every message, by key. */
function placeholdersOf(catalogue: Record<string, unknown>): Record<string, string[]> {
  const get = (path: string): unknown =>
    path.split('.').reduce<unknown>((at, k) => (at as Record<string, unknown>)[k], catalogue);
  return Object.fromEntries(
    keysOf(catalogue).map((key) => [
      key,
      [...String(get(key)).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort(),
    ]),
  );
}

describe('message catalogues', () => {
  const french = keysOf(CATALOGUES.fr).sort();

  it.each(LANGUAGES)('%s has every key of the others, and no other', (language) => {
    expect(keysOf(CATALOGUES[language]).sort()).toEqual(french);
  });

  it.each(LANGUAGES)('%s fills the same placeholders as French', (language) => {
    expect(placeholdersOf(CATALOGUES[language])).toEqual(placeholdersOf(CATALOGUES.fr));
  });

  it.each(LANGUAGES)('%s has no empty message', (language) => {
    const catalogue = placeholdersOf(CATALOGUES[language]);
    expect(Object.keys(catalogue).length).toBeGreaterThan(50);
    for (const key of keysOf(CATALOGUES[language]))
      expect(key.split('.').reduce<any>((at, k) => at[k], CATALOGUES[language])).not.toBe('');
  });
});

describe('the language the page opens in', () => {
  it('is ?lang= when it names one of fr, nl, en', () => {
    expect(initialLanguage('?lang=nl', 'en', ['fr-BE'])).toBe('nl');
  });

  it('is then the one chosen earlier on this browser', () => {
    expect(initialLanguage('?lang=de', 'en', ['nl-BE'])).toBe('en');
  });

  it("is then the browser's first language the page has", () => {
    expect(initialLanguage('', null, ['de-DE', 'nl-BE', 'fr'])).toBe('nl');
    expect(initialLanguage('', null, ['EN-us'])).toBe('en');
  });

  it('is French otherwise', () => {
    expect(initialLanguage('', null, ['de', 'it'])).toBe('fr');
    expect(initialLanguage('', null, [])).toBe('fr');
  });
});
