import { BadUserInput } from '@communes/kit';
import { languageTagProblem, type PubliccodeDescription } from './publiccode';

/** Languages tried, in order, when the caller names none or one the component lacks. */
const FALLBACK = ['fr', 'en', 'nl', 'de'];

/**
 * The description in `language` (`fr` also matches `fr-BE`, `nl-BE` falls back to `nl`), else
 * in the first fallback
 * language present, else the first one. A valid publiccode.yml has at least one.
 */
export function descriptionIn(
  descriptions: PubliccodeDescription[],
  language: string | null | undefined,
): PubliccodeDescription {
  if (language != null) {
    const problem = languageTagProblem(language);
    if (problem) throw new BadUserInput([{ field: 'language', reason: problem }]);
  }
  // `nl-BE` asked: `nl-BE`, then `nl` and its other variants, then the fallbacks.
  const asked = language ? [language, language.split('-')[0]!] : [];
  for (const wanted of [...asked, ...FALLBACK]) {
    const found = descriptions.find((d) => matches(d.language, wanted));
    if (found) return found;
  }
  return descriptions[0]!;
}

function matches(tag: string, wanted: string): boolean {
  const a = tag.toLowerCase();
  const b = wanted.toLowerCase();
  return a === b || a.startsWith(`${b}-`);
}
