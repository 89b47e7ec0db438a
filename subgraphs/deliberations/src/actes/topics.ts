import { ACTES_NOMENCLATURE, type ActesMatter } from './actes-nomenclature';

/** A level-2 ACTES code with its name: the contract's `Topic`. */
export interface Topic {
  code: string;
  name: string;
}

/** The shape SCDL requires of `DELIB_MATIERE_CODE`. */
export const TOPIC_CODE_PATTERN = /^\d\.\d{1,2}$/;

const TOPICS = new Map<string, Topic>(
  ACTES_NOMENCLATURE.flatMap((matter) => matter.topics.map((t) => [t.code, t] as const)),
);
const MATTERS = new Map<string, ActesMatter>(ACTES_NOMENCLATURE.map((m) => [m.code, m]));

/** The level-2 topic of a code, or null when the nomenclature has no such code. */
export function topicOf(code: string): Topic | null {
  return TOPICS.get(code.trim()) ?? null;
}

/** The level-1 matter a topic belongs to (`7` for `7.1`). */
export function matterOf(topicCode: string): ActesMatter | null {
  return MATTERS.get(topicCode.split('.')[0] ?? '') ?? null;
}

/** SCDL's `DELIB_MATIERE_NOM`: level-1 and level-2 names in lower case, joined by `/`. */
export function scdlMatterName(topicCode: string): string | null {
  const topic = topicOf(topicCode);
  const matter = matterOf(topicCode);
  if (!topic || !matter) return null;
  const clean = (name: string) => name.replace(/[,()]/g, '').replace(/\s+/g, ' ').toLowerCase();
  return `${clean(matter.name)}/${clean(topic.name)}`;
}

/**
 * Reads a topic filter: a level-2 code matches that topic only (`7.1` is not `7.10`), a
 * level-1 code every topic under it. Null when it is neither.
 */
export function topicFilterOf(value: string): { exact: string } | { matter: string } | null {
  const code = value.trim();
  if (TOPICS.has(code)) return { exact: code };
  if (MATTERS.has(code)) return { matter: code };
  return null;
}

export function allTopics(): Topic[] {
  return [...TOPICS.values()];
}
