import { accept, refuse, type Parsed } from './result';

/**
 * One schema.org `openingHours` specification: `Mo-Fr 09:00-18:00`, `Mo,We,Fr 09:00-12:00`,
 * `Sa 10:00-12:00,14:00-18:00`, or days alone (`Mo-Su`: open all day).
 *
 *   spec   = days [" " ranges]
 *   days   = day ["-" day] {"," day ["-" day]}
 *   ranges = time "-" time {"," time "-" time}
 *   time   = HH ":" MM, from 00:00 to 24:00
 */

export const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type Day = (typeof DAYS)[number];

/** Minutes from midnight; `end` is before `start` when the range closes past midnight. */
export interface TimeRange {
  start: number;
  end: number;
}

/** A parsed specification; no ranges means open all day. Days are in week order. */
export interface OpeningHoursRule {
  days: Day[];
  ranges: TimeRange[];
}

const DAY_LIST = 'Mo, Tu, We, Th, Fr, Sa or Su';
const NOON = 12 * 60;
const MIDNIGHT = 24 * 60;

/** Trims, collapses whitespace, and drops spaces around `-` and `,` (`Mo - Fr` → `Mo-Fr`). */
export function normaliseOpeningHours(spec: string): string {
  return spec
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/ ?([-,]) ?/g, '$1');
}

type Token =
  | { kind: 'day'; day: Day; at: number }
  | { kind: 'time'; minutes: number; text: string; at: number }
  | { kind: '-' | ',' | ' ' | 'end'; at: number };

/** Thrown inside the parser only; `parseOpeningHours` turns it into a reason. */
class SpecProblem extends Error {}

const isDay = (word: string): word is Day => (DAYS as readonly string[]).includes(word);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const word = /^[a-z]+/i.exec(rest)?.[0];
    const number = /^[\d:]+/.exec(rest)?.[0];
    if (word !== undefined) {
      if (!isDay(word)) throw new SpecProblem(`'${word}' is not a day (use ${DAY_LIST})`);
      tokens.push({ kind: 'day', day: word, at });
      at += word.length;
    } else if (number !== undefined) {
      tokens.push({ kind: 'time', minutes: readTime(number), text: number, at });
      at += number.length;
    } else if (rest[0] === '-' || rest[0] === ',' || rest[0] === ' ') {
      tokens.push({ kind: rest[0], at });
      at += 1;
    } else if (rest[0] === '–' || rest[0] === '—') {
      // Word processors turn '-' into dashes; say so rather than "unexpected character".
      throw new SpecProblem(`'${rest[0]}' is not allowed; write ranges with '-'`);
    } else {
      throw new SpecProblem(`unexpected character '${rest[0]}'`);
    }
  }
  tokens.push({ kind: 'end', at });
  return tokens;
}

function readTime(text: string): number {
  const match = /^(\d\d):(\d\d)$/.exec(text);
  if (!match) throw new SpecProblem(`'${text}' is not a time (use HH:MM, e.g. 09:00)`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minutes > MIDNIGHT) {
    throw new SpecProblem(`'${text}' is not a time between 00:00 and 24:00`);
  }
  return minutes;
}

const formatTime = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const formatRange = (range: TimeRange): string =>
  `${formatTime(range.start)}-${formatTime(range.end)}`;

class Parser {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  parse(): OpeningHoursRule {
    const days = this.days();
    if (this.peek().kind === 'end') return { days, ranges: [] };
    if (this.peek().kind === 'time') {
      throw new SpecProblem(`expected a space between the days and the times ${this.where()}`);
    }
    this.expect(' ', `expected ',' or a space ${this.where()}`);
    const ranges = this.ranges();
    if (this.peek().kind !== 'end') {
      throw new SpecProblem(`expected ',' or the end ${this.where()}`);
    }
    return { days, ranges };
  }

  private days(): Day[] {
    const seen = new Set<Day>();
    do {
      const first = this.day();
      let last = first;
      if (this.peek().kind === '-') {
        this.index++;
        last = this.day();
        this.checkDayRange(first, last);
      }
      for (let i = DAYS.indexOf(first); i <= DAYS.indexOf(last); i++) {
        const day = DAYS[i]!;
        if (seen.has(day)) throw new SpecProblem(`${day} is listed twice`);
        seen.add(day);
      }
    } while (this.accept(','));
    return DAYS.filter((day) => seen.has(day));
  }

  private checkDayRange(first: Day, last: Day): void {
    if (first === last) {
      throw new SpecProblem(`day range ${first}-${last} starts and ends on the same day`);
    }
    // A wrapping range (Fr-Mo) reads either way; week order keeps each entry unambiguous.
    if (DAYS.indexOf(last) < DAYS.indexOf(first)) {
      const span = (from: Day, to: Day) => (from === to ? from : `${from}-${to}`);
      throw new SpecProblem(
        `day range ${first}-${last} runs backwards (write ${span(first, 'Su')},${span('Mo', last)})`,
      );
    }
  }

  private ranges(): TimeRange[] {
    const ranges: TimeRange[] = [];
    do {
      const start = this.time();
      this.expect('-', `expected '-' between opening and closing time ${this.where()}`);
      const range = { start, end: this.time() };
      checkRange(range);
      ranges.push(range);
    } while (this.accept(','));
    checkOverlaps(ranges);
    return ranges;
  }

  private day(): Day {
    const token = this.peek();
    if (token.kind !== 'day') throw new SpecProblem(`expected a day (${DAY_LIST}) ${this.where()}`);
    this.index++;
    return token.day;
  }

  private time(): number {
    const token = this.peek();
    if (token.kind !== 'time') throw new SpecProblem(`expected a time (HH:MM) ${this.where()}`);
    this.index++;
    return token.minutes;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private accept(kind: Token['kind']): boolean {
    if (this.peek().kind !== kind) return false;
    this.index++;
    return true;
  }

  private expect(kind: Token['kind'], reason: string): void {
    if (!this.accept(kind)) throw new SpecProblem(reason);
  }

  /** Where the parser stands, as the text read so far: `after 'Mo-Fr 09:00'`. */
  private where(): string {
    const at = this.peek().at;
    return at === 0 ? 'at the start' : `after '${this.text.slice(0, at)}'`;
  }
}

function checkRange(range: TimeRange): void {
  const text = formatRange(range);
  if (range.start === MIDNIGHT) throw new SpecProblem(`range ${text} cannot start at 24:00`);
  if (range.start === range.end) throw new SpecProblem(`range ${text} is empty`);
  // Closing after midnight is common (bars); a morning end after an evening start is that,
  // anything else ending before it starts is a typo such as swapped times.
  if (range.end < range.start && (range.start < NOON || range.end > NOON)) {
    throw new SpecProblem(
      `range ${text} ends before it starts (a range past midnight must open at 12:00 or later and close by 12:00)`,
    );
  }
}

function checkOverlaps(ranges: TimeRange[]): void {
  const ordered = [...ranges].sort((a, b) => a.start - b.start);
  for (let i = 1; i < ordered.length; i++) {
    const previous = ordered[i - 1]!;
    const previousEnd = previous.end < previous.start ? previous.end + MIDNIGHT : previous.end;
    if (ordered[i]!.start < previousEnd) {
      throw new SpecProblem(
        `ranges ${formatRange(previous)} and ${formatRange(ordered[i]!)} overlap`,
      );
    }
  }
}

/** Parses one specification, after `normaliseOpeningHours`. */
export function parseOpeningHours(spec: string): Parsed<OpeningHoursRule> {
  const text = normaliseOpeningHours(spec);
  if (text === '') return refuse('must not be empty');
  try {
    return accept(new Parser(text, tokenize(text)).parse());
  } catch (error) {
    if (error instanceof SpecProblem) return refuse(error.message);
    throw error;
  }
}

/** Null when `spec` is a valid specification, else why not. */
export function validateOpeningHours(spec: string): string | null {
  const parsed = parseOpeningHours(spec);
  return parsed.ok ? null : parsed.reason;
}
