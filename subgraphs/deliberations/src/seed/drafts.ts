import type { Faker } from '@faker-js/faker';
import type { Country } from '@communes/kit';
import type { BodyKind } from './calendar';
import type { SeedCategoryCode } from './categories';
import { pick } from './random';
import type { SeedCommuneProfile } from './seed-communes';
import type { Politics } from './votes';
import type { Wording } from './wording';

/** An agenda item as the secretariat writes it, before the meeting decides on it. */
export interface ItemDraft {
  category: SeedCategoryCode;
  title: string;
  description: string;
  /** Texts cited after the local government code: « Vu … ; ». */
  legalBasis?: readonly string[];
  /** « Considérant … ; » */
  considering: readonly string[];
  /** The operative part, article by article. */
  articles: readonly string[];
  proposingGroup: string;
  public: boolean;
  politics: Politics;
}

/** What a template knows of the meeting it writes for. */
export interface DraftContext {
  faker: Faker;
  profile: SeedCommuneProfile;
  words: Wording;
  body: BodyKind;
  /** The meeting's local date, `YYYY-MM-DD`. */
  date: string;
  year: number;
}

export interface Template {
  weight: number;
  /** For the items one country's law alone knows (a Walloon road-traffic regulation). */
  only?: Country;
  draft: (ctx: DraftContext) => ItemDraft;
}

/** « Vu … ; Considérant … ; »: the motivation of a Walloon or French deliberation. */
export function motivationOf(draft: ItemDraft, words: Wording): string {
  return [
    `Vu le ${words.localCode}, notamment l'article ${words.competence} ;`,
    ...(draft.legalBasis ?? []).map((text) => `Vu ${text} ;`),
    ...draft.considering.map((text) => `Considérant ${text} ;`),
  ].join('\n');
}

/** « DÉCIDE : Article 1er : … »; Belgian texts number the first article « 1er ». */
export function decisionOf(draft: ItemDraft, words: Wording, body: BodyKind): string {
  const verb = words.localCode.startsWith('Code général') ? 'DÉLIBÈRE' : 'DÉCIDE';
  const first = words.localCode.startsWith('Code général') ? '1' : '1er';
  const subject = body === 'COUNCIL' ? `Le ${words.council}` : `Le ${words.college}`;
  return [
    `${subject}, ${verb} :`,
    ...draft.articles.map((text, i) => `Article ${i === 0 ? first : i + 1} : ${text}`),
  ].join('\n');
}

export const street = (ctx: DraftContext): string => pick(ctx.faker, ctx.profile.streets);
export const district = (ctx: DraftContext): string => pick(ctx.faker, ctx.profile.districts);
export const partner = (ctx: DraftContext): string => pick(ctx.faker, ctx.profile.partners);

/** `la rue de Fer`, `l'avenue de la Plante`, `le boulevard Cauchy`. */
export function theStreet(name: string): string {
  if (/^[aeiouéè]/i.test(name)) return `l'${name}`;
  const first = name.split(' ')[0]!.toLowerCase();
  return ['boulevard', 'quai', 'chemin', 'square'].includes(first) ? `le ${name}` : `la ${name}`;
}

/** `de la rue de Fer`, `du boulevard Cauchy`. */
export function ofStreet(name: string): string {
  const the = theStreet(name);
  return the.startsWith('le ') ? `du ${the.slice(3)}` : `de ${the}`;
}

/** `de Jambes`, `d'Erpent`. */
export function ofPlace(name: string): string {
  return /^[AEIOUÉÈÎ]/.test(name) ? `d'${name}` : `de ${name}`;
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A local association, as the commune's clubs and committees are called. */
export function association(ctx: DraftContext): string {
  const place = district(ctx);
  const name = pick(ctx.faker, [
    `Maison des Jeunes ${ofPlace(place)}`,
    `Royal Football Club ${place}`,
    `Comité des fêtes ${ofPlace(place)}`,
    `${place} Basket Club`,
    `Académie de musique ${ofPlace(place)}`,
    `Amicale des pensionnés ${ofPlace(place)}`,
    `Les Amis du patrimoine ${ofPlace(place)}`,
    `École de devoirs ${ofPlace(place)}`,
    `Tennis de table ${place}`,
    `Compagnie théâtrale ${ofPlace(place)}`,
  ]);
  return ctx.words.association === 'ASBL' ? `l'ASBL ${name}` : `l'association ${name}`;
}

/** A company bidding for a public contract. */
export function company(ctx: DraftContext): string {
  const form =
    ctx.profile.country === 'BE'
      ? pick(ctx.faker, ['SRL', 'SA'])
      : pick(ctx.faker, ['SAS', 'SARL']);
  return `la ${form} ${ctx.faker.person.lastName()} ${pick(ctx.faker, ['Construction', 'Travaux', 'Services', 'Frères', 'et Fils', 'Environnement', 'Équipement'])}`;
}
