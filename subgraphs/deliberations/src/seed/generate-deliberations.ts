import type { Faker } from '@faker-js/faker';
import type { NodeCommune } from '@communes/kit';
import type { Decision } from '../item-transitions';
import { timeZoneOf } from '../time-zone';
import { frenchDate, meetingSlots, type BodyKind, type MeetingSlot } from './calendar';
import { SEED_CATEGORIES } from './categories';
import {
  decisionOf,
  motivationOf,
  type DraftContext,
  type ItemDraft,
  type Template,
} from './drafts';
import { calendarItems, installationItems, minutesApproval } from './items-calendar';
import { COLLEGE_TEMPLATES } from './items-college';
import { COUNCIL_TEMPLATES } from './items-council';
import { PERSONNEL_TEMPLATES } from './items-personnel';
import { WORKS_TEMPLATES } from './items-works';
import { generateBodies, termOn, type SeedBody } from './members';
import { publicationOf } from './publication';
import { chance, int, seededFaker } from './random';
import { seedCommuneProfile, type SeedCommuneProfile } from './seed-communes';
import { attendance, generateVote, type IntendedDecision, type SeedVotes } from './votes';
import { WORDING } from './wording';

export interface GenerateOptions {
  /** Calendar years of meetings, ending with `lastYear`. */
  years: number;
  seed: number;
  /** The last year generated; fixed, so that a seed gives the same data whenever it runs. */
  lastYear?: number;
}

export const DEFAULT_LAST_YEAR = 2025;

export interface SeedItem {
  category: string;
  title: string;
  description: string;
  motivation: string;
  /** The proposed decision, as written before the meeting. */
  decision: string;
  proposingGroup: string;
  public: boolean;
  outcome: Decision;
  /** The text adopted when the meeting amended it (ACCEPTED_BUT_MODIFIED). */
  amendedDecision: string | null;
  votes: SeedVotes | null;
}

export interface SeedMeeting {
  kind: BodyKind;
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  items: SeedItem[];
  /** When its public decisions were published: a few days to a few weeks after it. */
  publishedAt: Date;
}

export interface SeedDeliberations {
  categories: typeof SEED_CATEGORIES;
  bodies: SeedBody[];
  meetings: SeedMeeting[];
}

/**
 * Two years (or `years`) of a commune's council and college meetings with their agendas and
 * decisions, in realistic French: the same for the same commune and seed.
 */
export function generateDeliberations(
  commune: NodeCommune,
  options: GenerateOptions,
): SeedDeliberations {
  const profile = seedCommuneProfile(commune);
  const faker = seededFaker(commune.code, commune.country, options.seed);
  const bodies = generateBodies(faker, profile);
  const slots = meetingSlots(
    faker,
    commune.country,
    timeZoneOf(commune.code),
    options.years,
    options.lastYear ?? DEFAULT_LAST_YEAR,
    bodies.some((b) => b.kind === 'COLLEGE'),
  );
  const previous = new Map<BodyKind, string>();
  // Its own stream: the publication dates leave every other generated value as it was.
  const publishing = seededFaker(`${commune.code}/published`, commune.country, options.seed);
  const meetings = slots.map((slot) => {
    const body = bodies.find((b) => b.kind === slot.kind)!;
    const meeting = generateMeeting(faker, profile, body, slot, previous.get(slot.kind) ?? null);
    previous.set(slot.kind, slot.date);
    return { ...meeting, publishedAt: publicationOf(publishing, meeting.endsAt) };
  });
  return { categories: SEED_CATEGORIES, bodies, meetings };
}

function generateMeeting(
  faker: Faker,
  profile: SeedCommuneProfile,
  body: SeedBody,
  slot: MeetingSlot,
  previousDate: string | null,
): Omit<SeedMeeting, 'publishedAt'> {
  const words = WORDING[profile.country];
  const ctx: DraftContext = {
    faker,
    profile,
    words,
    body: slot.kind,
    date: slot.date,
    year: Number(slot.date.slice(0, 4)),
  };
  const present = attendance(faker, termOn(body, slot.date).members);
  const drafts = slot.installation ? installationItems(ctx) : agenda(ctx, previousDate);
  const items = drafts.map((draft) => decide(faker, ctx, draft, present));
  const room =
    slot.kind === 'COUNCIL'
      ? profile.councilRoom
      : `Hôtel de Ville de ${profile.name}, salle du Collège`;
  return {
    kind: slot.kind,
    date: slot.date,
    title: `${body.name} du ${frenchDate(slot.date)}${slot.installation ? " — séance d'installation" : ''}`,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    location: room,
    items,
  };
}

/** Minutes first, the items of the season, the usual business, closed session last. */
function agenda(ctx: DraftContext, previousDate: string | null): ItemDraft[] {
  const { faker } = ctx;
  const council = ctx.body === 'COUNCIL';
  const opening = council && previousDate ? [minutesApproval(previousDate)] : [];
  const seasonal = council ? calendarItems(ctx) : [];
  const pool = council ? [...WORKS_TEMPLATES, ...COUNCIL_TEMPLATES] : COLLEGE_TEMPLATES;
  const count = council
    ? int(faker, ctx.profile.country === 'FR' ? 24 : 14, ctx.profile.country === 'FR' ? 40 : 26)
    : int(faker, 8, 16);
  const usual = Array.from({ length: count }, () => draw(ctx, pool));
  const closed = council
    ? Array.from({ length: int(faker, 0, 3) }, () => draw(ctx, PERSONNEL_TEMPLATES))
    : [];
  return [...opening, ...seasonal, ...usual, ...closed];
}

function draw(ctx: DraftContext, templates: readonly Template[]): ItemDraft {
  const usable = templates.filter((t) => !t.only || t.only === ctx.profile.country);
  const template = ctx.faker.helpers.weightedArrayElement(
    usable.map((t) => ({ weight: t.weight, value: t })),
  );
  return template.draft(ctx);
}

/** A few items are postponed or withdrawn, a few amended in session; the vote does the rest. */
function decide(
  faker: Faker,
  ctx: DraftContext,
  draft: ItemDraft,
  present: Parameters<typeof generateVote>[1],
): SeedItem {
  const roll = faker.number.float({ min: 0, max: 1 });
  const wanted: IntendedDecision =
    roll < 0.03
      ? 'DELAYED'
      : roll < 0.045
        ? 'REMOVED'
        : roll < 0.08
          ? 'ACCEPTED_BUT_MODIFIED'
          : 'ACCEPTED';
  const { decision, votes } = generateVote(faker, present, draft.politics, wanted);
  const text = decisionOf(draft, ctx.words, ctx.body);
  const amended =
    decision === 'ACCEPTED_BUT_MODIFIED'
      ? `${text}\nTel qu'amendé en séance : ${chance(faker, 0.5) ? "le délai d'exécution est porté à douze mois" : 'le montant est réduit de dix pour cent'}.`
      : null;
  return {
    category: draft.category,
    title: draft.title,
    description: draft.description,
    motivation: motivationOf(draft, ctx.words),
    decision: text,
    proposingGroup: draft.proposingGroup,
    public: draft.public,
    outcome: decision,
    amendedDecision: amended,
    votes,
  };
}
