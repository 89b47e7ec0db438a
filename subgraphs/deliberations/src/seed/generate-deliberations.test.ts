import { topicOf } from '../actes';
import { timeZoneOf, localDate } from '../time-zone';
import { termOn } from './members';
import {
  generateDeliberations,
  type SeedDeliberations,
  type SeedItem,
} from './generate-deliberations';

const NAMUR = { code: 'BE-92094', name: 'Namur', country: 'BE' } as const;
const LILLE = { code: 'FR-59350', name: 'Lille', country: 'FR' } as const;
const ELSEWHERE = { code: 'BE-25005', name: 'Beauvechain', country: 'BE' } as const;

/** Two years of each commune, generated once for the checks below. */
const SAMPLES: ReadonlyMap<string, SeedDeliberations> = new Map(
  [NAMUR, LILLE, ELSEWHERE].map((c) => [c.code, generateDeliberations(c, { years: 2, seed: 42 })]),
);
const sample = (code: string) => SAMPLES.get(code)!;
const items = (code: string) => sample(code).meetings.flatMap((m) => m.items);

describe('generateDeliberations: determinism', () => {
  it('gives the same meetings, items and votes for the same commune and seed', () => {
    expect(generateDeliberations(NAMUR, { years: 2, seed: 42 })).toEqual(sample(NAMUR.code));
  });

  it('gives other data for another seed or another commune', () => {
    const other = generateDeliberations(NAMUR, { years: 2, seed: 43 });
    const titles = (d: SeedDeliberations) => d.meetings.flatMap((m) => m.items.map((i) => i.title));
    expect(titles(other)).not.toEqual(titles(sample(NAMUR.code)));
    expect(other.bodies[0]!.terms[0]!.members).not.toEqual(
      sample(NAMUR.code).bodies[0]!.terms[0]!.members,
    );
  });

  it('does not depend on the clock', () => {
    jest.useFakeTimers({ now: Date.UTC(2031, 5, 1) });
    try {
      expect(generateDeliberations(LILLE, { years: 2, seed: 42 })).toEqual(sample(LILLE.code));
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('generateDeliberations: calendar and bodies', () => {
  it('publishes each meeting a few days to a few weeks after it, some later than others', () => {
    const days = [NAMUR, LILLE].flatMap((c) =>
      sample(c.code).meetings.map(
        (m) => (m.publishedAt.getTime() - m.endsAt.getTime()) / 86_400_000,
      ),
    );
    expect(Math.min(...days)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...days)).toBeLessThanOrEqual(36);
    const late = days.filter((d) => d > 15).length / days.length;
    expect(late).toBeGreaterThan(0.1);
    expect(late).toBeLessThan(0.3);
  });

  it('covers the two calendar years before 2026, council and Walloon college', () => {
    const namur = sample(NAMUR.code).meetings;
    const zone = timeZoneOf(NAMUR.code);
    const years = new Set(namur.map((m) => localDate(m.startsAt, zone).slice(0, 4)));
    expect([...years].sort()).toEqual(['2024', '2025']);
    const councils = namur.filter((m) => m.kind === 'COUNCIL');
    const colleges = namur.filter((m) => m.kind === 'COLLEGE');
    expect(councils.length).toBeGreaterThanOrEqual(20);
    expect(colleges.length).toBeGreaterThanOrEqual(80);
    expect(councils.some((m) => m.title.endsWith("séance d'installation"))).toBe(true);
    for (const m of namur) {
      expect(localDate(m.startsAt, zone)).toBe(m.date);
      expect(m.endsAt.getTime()).toBeGreaterThan(m.startsAt.getTime());
    }
    expect(councils[0]!.title).toMatch(/^Conseil communal du \d{1,2}(er)? \p{L}+ 2024$/u);
  });

  it('gives a French commune a municipal council and no college', () => {
    const lille = sample(LILLE.code);
    expect(lille.bodies.map((b) => [b.kind, b.name])).toEqual([['COUNCIL', 'Conseil municipal']]);
    expect(new Set(lille.meetings.map((m) => m.kind))).toEqual(new Set(['COUNCIL']));
    expect(lille.meetings[0]!.startsAt.toISOString()).toMatch(/T1[67]:00:00/);
  });

  it('seats councils of their legal size, with unique people and a majority', () => {
    for (const [code, size] of [
      [NAMUR.code, 47],
      [LILLE.code, 61],
      [ELSEWHERE.code, 27],
    ] as const) {
      for (const term of sample(code).bodies[0]!.terms) {
        const voting = term.members.filter((m) => m.votingRight);
        expect(voting).toHaveLength(size);
        expect(new Set(term.members.map((m) => m.name)).size).toBe(term.members.length);
        expect(voting.filter((m) => m.majority).length).toBeGreaterThan(size / 2);
      }
    }
  });

  it('renews the Walloon council in December 2024, re-electing part of it', () => {
    const [before, after] = sample(NAMUR.code).bodies[0]!.terms;
    expect([before!.endDate, after!.startDate, after!.endDate]).toEqual([
      '2024-12-01',
      '2024-12-02',
      null,
    ]);
    const kept = after!.members.filter((m) => before!.members.some((b) => b.name === m.name));
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThan(after!.members.length);
  });
});

describe('generateDeliberations: items', () => {
  it('files every item under a seeded category of a real ACTES topic', () => {
    for (const code of SAMPLES.keys()) {
      const categories = new Map<string, string>(
        sample(code).categories.map((c) => [c.code, c.topic]),
      );
      for (const item of items(code)) {
        expect(categories.has(item.category)).toBe(true);
        expect(topicOf(categories.get(item.category)!)).not.toBeNull();
      }
    }
  });

  it('writes realistic French titles', () => {
    const titles = items(NAMUR.code).map((i) => i.title);
    expect(titles).toContain('Approbation du budget communal 2025');
    expect(
      titles.some((t) => /^Marché public de travaux : .+ — approbation des conditions/.test(t)),
    ).toBe(true);
    expect(
      titles.some((t) => /^Règlement-taxe sur la collecte .+ — exercices \d{4} à \d{4}$/.test(t)),
    ).toBe(true);
    expect(titles.some((t) => /^Octroi d'un subside de .+ à l'ASBL /.test(t))).toBe(true);
    expect(titles.some((t) => /^Intercommunale .+ — assemblée générale/.test(t))).toBe(true);
    expect(items(LILLE.code).map((i) => i.title)).toContain('Budget primitif 2026');
    for (const item of [...items(NAMUR.code), ...items(LILLE.code)]) {
      expect(item.title.length).toBeLessThanOrEqual(500);
      expect(item.title).not.toMatch(/\[\[|de la (avenue|boulevard)|de [AEIOUÉ]/);
    }
  });

  it('decides a few items otherwise than accepted, and keeps personnel matters closed', () => {
    for (const code of [NAMUR.code, LILLE.code]) {
      const all = items(code);
      const share = (test: (i: (typeof all)[number]) => boolean) =>
        all.filter(test).length / all.length;
      expect(share((i) => i.outcome === 'ACCEPTED')).toBeGreaterThan(0.8);
      for (const outcome of ['REFUSED', 'DELAYED', 'REMOVED', 'ACCEPTED_BUT_MODIFIED'] as const) {
        expect(share((i) => i.outcome === outcome)).toBeGreaterThan(0);
        expect(share((i) => i.outcome === outcome)).toBeLessThan(0.06);
      }
      expect(share((i) => !i.public)).toBeGreaterThan(0.01);
      for (const item of all.filter((i) => !i.public)) expect(item.category).toMatch(/^RH-/);
    }
  });

  it('marks personal data in a few decision texts, never in titles', () => {
    const all = items(NAMUR.code);
    const marked = all.filter((i) => /\[\[personal: (Madame|Monsieur) [^\]]+\]\]/.test(i.decision));
    expect(marked.length).toBeGreaterThan(10);
    expect(marked.some((i) => i.public)).toBe(true);
    expect(all.every((i) => !i.title.includes('[[') && !i.motivation.includes('[['))).toBe(true);
  });

  it('gives amended items their amended text, and only them', () => {
    for (const item of items(NAMUR.code)) {
      expect(item.amendedDecision !== null).toBe(item.outcome === 'ACCEPTED_BUT_MODIFIED');
      if (item.amendedDecision) expect(item.amendedDecision.startsWith(item.decision)).toBe(true);
    }
  });
});

describe('generateDeliberations: votes', () => {
  it('keeps every vote consistent with the body and the decision', () => {
    const problems: string[] = [];
    for (const code of SAMPLES.keys()) {
      const data = sample(code);
      for (const meeting of data.meetings) {
        const body = data.bodies.find((b) => b.kind === meeting.kind)!;
        const members = termOn(body, meeting.date).members;
        const voting = new Set(members.filter((m) => m.votingRight).map((m) => m.name));
        for (const item of meeting.items) {
          for (const problem of voteProblems(item, voting)) {
            problems.push(`${meeting.title} / ${item.title}: ${problem}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('votes the same way all meeting long: one attendance per meeting', () => {
    for (const meeting of sample(NAMUR.code).meetings) {
      const present = new Set(meeting.items.flatMap((i) => (i.votes ? [i.votes.present] : [])));
      expect(present.size).toBeLessThanOrEqual(1);
    }
  });

  it('splits political items along majority and opposition, and refuses opposition motions', () => {
    const all = items(NAMUR.code);
    const budget = all.find((i) => i.title === 'Approbation du budget communal 2025')!;
    expect(budget.votes!.pollType).toBe('PUBLIC');
    expect(budget.votes!.no + budget.votes!.abstain).toBeGreaterThan(5);
    const motions = all.filter((i) =>
      i.title.startsWith("Motion déposée par un groupe de l'opposition"),
    );
    expect(motions.length).toBeGreaterThan(0);
    expect(motions.filter((i) => i.votes).every((i) => i.outcome === 'REFUSED')).toBe(true);
  });
});

/** What is wrong with an item's vote, as the core's decideItem would judge it, and more. */
function voteProblems(item: SeedItem, voting: ReadonlySet<string>): string[] {
  const { votes: v, outcome } = item;
  if (outcome === 'DELAYED' || outcome === 'REMOVED')
    return v ? ['votes on an undecided item'] : [];
  if (!v) return ['no votes'];
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  check(v.yes + v.no + v.abstain <= v.present, 'more votes than members present');
  check(v.present <= voting.size, 'more present than members with a vote');
  check(v.present > voting.size / 2, 'no quorum');
  if (outcome === 'REFUSED') {
    check(v.yes <= v.no, 'refused with more yes than no');
    check(v.pollType !== 'NONE', 'refused by consensus');
  } else {
    check(v.yes > v.no, `${outcome} without a majority`);
  }
  if (v.pollType === 'NONE') {
    check(v.yes === v.present && v.no === 0 && v.abstain === 0, 'consensus not unanimous');
  }
  if (v.pollType !== 'PUBLIC') check(v.voters.length === 0, 'voters named in a non-public vote');
  if (v.pollType === 'PUBLIC') {
    check(v.voters.length === v.present, 'not every member present voted');
    check(new Set(v.voters.map((x) => x.name)).size === v.voters.length, 'a member voted twice');
    check(
      v.voters.every((x) => voting.has(x.name)),
      'a voter is not a member with a vote',
    );
    for (const [count, value] of [
      [v.yes, 'YES'],
      [v.no, 'NO'],
      [v.abstain, 'ABSTAIN'],
    ] as const) {
      check(v.voters.filter((x) => x.vote === value).length === count, `${value} count disagrees`);
    }
  }
  return problems;
}
