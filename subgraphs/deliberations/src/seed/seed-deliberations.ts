import type { DataSource } from 'typeorm';
import type { NodeCommune, RequestContext } from '@communes/kit';
import { setCategory } from '../category.service';
import { createItem } from '../item.service';
import { decideItem, presentItem, stepItem } from '../item-workflow.service';
import { Meeting } from '../meeting.entity';
import { createMeeting, transitionMeeting } from '../meeting.service';
import { ensureOrganizations } from '../organization.service';
import type { VoteInput } from '../generated/graphql';
import { generateDeliberations, type SeedItem, type SeedMeeting } from './generate-deliberations';
import { organizationSpecs } from './members';

export interface SeedDeliberationsOptions {
  years: number;
  seed: number;
  /** See GenerateOptions.lastYear. */
  lastYear?: number;
  /**
   * Inserts only the meetings held in this period (local dates, inclusive); the generated data
   * is otherwise the same. Tests use it to seed a few weeks quickly.
   */
  only?: { from: string; to: string };
  /** Called after each meeting with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  meetings: number;
  items: number;
  /** True when the commune already had meetings: a seed never adds to real data. */
  skipped: boolean;
}

/** The secretariat that records the seeded meetings; the items' history names it. */
const SEED_SUBJECT = 'seed@communes.invalid';

/**
 * Fills a commune's deliberations with generated meetings through the services, so that every
 * rule of the workflow holds: each item is created, proposed, validated, presented, frozen
 * with its meeting and decided with its votes; each meeting ends CLOSED.
 */
export async function seedDeliberations(
  db: DataSource,
  commune: NodeCommune,
  options: SeedDeliberationsOptions,
): Promise<SeedSummary> {
  if ((await db.getRepository(Meeting).count()) > 0)
    return { meetings: 0, items: 0, skipped: true };
  const generated = generateDeliberations(commune, options);
  const ctx: RequestContext = {
    commune,
    db,
    identity: { kind: 'user', subject: SEED_SUBJECT, roles: { [commune.code]: ['admin'] } },
  };
  for (const category of generated.categories) await setCategory(ctx, commune.code, category);
  const ensured = await ensureOrganizations(db, organizationSpecs(generated.bodies));
  const organizationOf = new Map(ensured.map((e) => [e.organization.kind, e.organization.id]));
  const personOf = new Map(
    ensured.flatMap((e) => e.members.map((m) => [m.person.name, m.person.id])),
  );
  const { only } = options;
  const meetings = only
    ? generated.meetings.filter((m) => m.date >= only.from && m.date <= only.to)
    : generated.meetings;
  let items = 0;
  for (const [i, meeting] of meetings.entries()) {
    await seedMeeting(ctx, meeting, organizationOf.get(meeting.kind)!, personOf);
    items += meeting.items.length;
    options.onProgress?.(i + 1, meetings.length);
  }
  return { meetings: meetings.length, items, skipped: false };
}

async function seedMeeting(
  ctx: RequestContext,
  meeting: SeedMeeting,
  organization: string,
  personOf: ReadonlyMap<string, string>,
): Promise<void> {
  const code = ctx.commune.code;
  const { id } = await createMeeting(ctx, code, {
    organization,
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    location: meeting.location,
  });
  const ids: string[] = [];
  for (const item of meeting.items) {
    const created = await createItem(ctx, code, {
      title: item.title,
      description: item.description,
      motivation: item.motivation,
      decision: item.decision,
      category: item.category,
      proposingGroup: item.proposingGroup,
      public: item.public,
    });
    await stepItem(ctx, code, created.id, 'propose');
    await stepItem(ctx, code, created.id, 'validate');
    await presentItem(ctx, code, created.id, id);
    ids.push(created.id);
  }
  await transitionMeeting(ctx, code, id, 'FROZEN');
  await transitionMeeting(ctx, code, id, 'PUBLISHED');
  for (const [i, item] of meeting.items.entries()) {
    await decideItem(ctx, code, ids[i]!, {
      decision: item.outcome,
      votes: voteInput(item, personOf),
      decisionText: item.amendedDecision,
    });
  }
  await transitionMeeting(ctx, code, id, 'DECIDED');
  await transitionMeeting(ctx, code, id, 'CLOSED', { publishedAt: meeting.publishedAt });
}

function voteInput(item: SeedItem, personOf: ReadonlyMap<string, string>): VoteInput | null {
  if (!item.votes) return null;
  const { voters, ...counts } = item.votes;
  return {
    ...counts,
    voters: voters.map((v) => ({ person: personOf.get(v.name)!, vote: v.vote })),
  };
}
