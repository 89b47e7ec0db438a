/** Numbers, instants and ages as the chosen language writes them. */
import { currentLanguage, t } from './i18n';

const LOCALES = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' } as const;

export function formatNumber(value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(LOCALES[currentLanguage()], { maximumFractionDigits: 2 }).format(
    value,
  );
}

/** An instant to the minute; `precise` to the second (runs minutes apart or less). */
export function formatInstant(iso: string | null, precise = false): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[currentLanguage()], {
    dateStyle: 'medium',
    timeStyle: precise ? 'medium' : 'short',
  }).format(date);
}

/** `3 j`, `5 h`: the largest unit that fits. */
export function formatAge(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return t('age.seconds', { count: seconds });
  if (seconds < 3600) return t('age.minutes', { count: Math.floor(seconds / 60) });
  if (seconds < 86_400) return t('age.hours', { count: Math.floor(seconds / 3600) });
  return t('age.days', { count: Math.floor(seconds / 86_400) });
}
