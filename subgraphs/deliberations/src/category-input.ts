import type { CategoryInput } from './generated/graphql';
import { TOPIC_CODE_PATTERN, topicOf } from './actes';
import { Problems, TEXT_LIMITS } from './validation';

/** A commune's own category code: short, no spaces (`FIN-BUDGET`, `7.1.2`). */
const CATEGORY_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/;

export function checkCategoryInput(input: CategoryInput, problems: Problems): CategoryInput {
  const code = input.code.trim();
  if (!CATEGORY_CODE.test(code)) {
    problems.add('input.code', 'must be 1 to 50 letters, digits, dots, dashes or underscores');
  }
  const name = problems.required('input.name', input.name, TEXT_LIMITS.name);
  const topic = input.topic.trim();
  if (!TOPIC_CODE_PATTERN.test(topic)) {
    problems.add('input.topic', 'must be a level-2 ACTES code such as 7.1');
  } else if (!topicOf(topic)) {
    problems.add('input.topic', `${topic} is not in the ACTES nomenclature`);
  }
  return { code, name, topic };
}
