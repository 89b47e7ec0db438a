/**
 * Decision texts mark personal data as `[[personal: …]]`. Staff of the commune read the text
 * without the markers; everyone else reads a placeholder in their place.
 */
const PERSONAL = /\[\[\s*personal\s*:\s*([\s\S]*?)\s*\]\]/gi;

export const PERSONAL_DATA_PLACEHOLDER = '[données personnelles masquées]';

export function maskPersonalData(text: string): string {
  return text.replace(PERSONAL, PERSONAL_DATA_PLACEHOLDER);
}

export function unmarkPersonalData(text: string): string {
  return text.replace(PERSONAL, '$1');
}

/** The text as this reader may see it. */
export function decisionFor(text: string | null, staff: boolean): string | null {
  if (text === null) return null;
  return staff ? unmarkPersonalData(text) : maskPersonalData(text);
}

/** Personal parts never reach the search document, so that nobody finds an item by them. */
export function withoutPersonalData(text: string): string {
  return text.replace(PERSONAL, ' ');
}

/** Markers left open (`[[personal: …` without `]]`) would publish what they meant to hide. */
export function hasUnclosedMarker(text: string): boolean {
  return /\[\[\s*personal\s*:/i.test(text.replace(PERSONAL, ''));
}
