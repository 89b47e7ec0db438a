/**
 * The page's three languages (French first, as the hub's API), chosen in this order: `?lang=`
 * in the address, the last choice made on this browser, the browser's own languages, French.
 */
import i18next from 'i18next';
import fr from './locales/fr.json';
import nl from './locales/nl.json';
import en from './locales/en.json';

export const LANGUAGES = ['fr', 'nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The message catalogues, one per language, with the same keys (checked by i18n.test.ts). */
export const CATALOGUES: Record<Language, Record<string, unknown>> = { fr, nl, en };

const STORED = 'communes.lang';

function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

/** The language the page opens in (see the file's comment for the order). */
export function initialLanguage(
  search: string,
  stored: string | null,
  browser: readonly string[],
): Language {
  const asked = new URLSearchParams(search).get('lang');
  if (isLanguage(asked)) return asked;
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'fr';
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORED);
  } catch {
    return null;
  }
}

export const i18n = i18next.createInstance();

export async function startI18n(): Promise<Language> {
  const language = initialLanguage(location.search, storedLanguage(), navigator.languages ?? []);
  await i18n.init({
    lng: language,
    fallbackLng: 'fr',
    resources: Object.fromEntries(
      LANGUAGES.map((lang) => [lang, { translation: CATALOGUES[lang] }]),
    ),
    interpolation: { escapeValue: false }, // Lit escapes what it renders.
  });
  document.documentElement.lang = language;
  return language;
}

/** Switches language, keeps it in the address (`?lang=`) and on this browser. */
export async function switchLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORED, language);
  } catch {
    // Private browsing: the address still carries it.
  }
  const url = new URL(location.href);
  url.searchParams.set('lang', language);
  history.replaceState(history.state, '', url);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'fr';
}

export const t = (key: string, options: Record<string, unknown> = {}): string =>
  i18n.t(key, options) as string;
