import { languageTagProblem } from './checks';

export interface KeyProblem {
  path: (string | number)[];
  reason: string;
}

/**
 * The rules of the standard that span keys, checked on the raw file so that they are reported
 * together with the problems of each key.
 */
export function crossCheck(data: Record<string, unknown>): KeyProblem[] {
  return [...checkDescriptions(data['description']), ...checkMaintenance(data['maintenance'])];
}

function checkDescriptions(description: unknown): KeyProblem[] {
  if (!isMapping(description)) return [];
  const problems: KeyProblem[] = [];
  const languages = Object.entries(description);
  if (languages.length === 0) {
    problems.push({
      path: ['description'],
      reason: 'must describe the software in at least one language',
    });
  }
  for (const [language] of languages) {
    const problem = languageTagProblem(language);
    if (problem) problems.push({ path: ['description', language], reason: `key ${problem}` });
  }
  const texts = languages.map(([, text]) => text).filter(isMapping);
  if (texts.length > 0 && !texts.some((t) => t['longDescription'] !== undefined)) {
    problems.push({
      path: ['description', languages[0]![0], 'longDescription'],
      reason: 'is required in at least one language',
    });
  }
  if (texts.length > 0 && !texts.some((t) => t['features'] !== undefined)) {
    problems.push({
      path: ['description', languages[0]![0], 'features'],
      reason: 'is required in at least one language',
    });
  }
  return problems;
}

function checkMaintenance(maintenance: unknown): KeyProblem[] {
  if (!isMapping(maintenance)) return [];
  const type = maintenance['type'];
  const problems: KeyProblem[] = [];
  const isEmptyList = (v: unknown) =>
    v === undefined || v === null || (Array.isArray(v) && v.length === 0);
  if ((type === 'internal' || type === 'community') && isEmptyList(maintenance['contacts'])) {
    problems.push({
      path: ['maintenance', 'contacts'],
      reason: `must name at least one contact when maintenance.type is ${type}`,
    });
  }
  if (type === 'contract' && isEmptyList(maintenance['contractors'])) {
    problems.push({
      path: ['maintenance', 'contractors'],
      reason: 'must name at least one contractor when maintenance.type is contract',
    });
  }
  if (typeof type === 'string' && type !== 'contract' && !isEmptyList(maintenance['contractors'])) {
    problems.push({
      path: ['maintenance', 'contractors'],
      reason: `is only for maintenance.type contract, not ${type}`,
    });
  }
  return problems;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
