import { topicOf, type Topic } from './actes';

/** The contract's `Topic` for a stored code; a code the nomenclature lost keeps its code as name. */
export function topicFor(code: string): Topic {
  return topicOf(code) ?? { code, name: code };
}
