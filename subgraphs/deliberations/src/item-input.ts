import { foldText } from '@communes/kit';
import type { AttachmentInput } from './generated/graphql';
import { hasUnclosedMarker, withoutPersonalData } from './personal-data';
import { Problems, TEXT_LIMITS } from './validation';

/** What an item's create or update may set, after an update is merged onto the item. */
export interface ItemInputFields {
  title?: string | null;
  description?: string | null;
  motivation?: string | null;
  decision?: string | null;
  category?: string | null;
  proposingGroup?: string | null;
  public?: boolean | null;
}

export interface CheckedItemFields {
  title: string;
  description: string | null;
  motivation: string | null;
  decision: string | null;
  categoryCode: string;
  proposingGroup: string | null;
  public: boolean;
}

/** Checks an item's fields; problems name `input.<field>`. The category is checked by the service. */
export function checkItemFields(input: ItemInputFields, problems: Problems): CheckedItemFields {
  const decision = problems.optional('input.decision', input.decision, TEXT_LIMITS.decision);
  if (decision !== null && hasUnclosedMarker(decision)) {
    problems.add('input.decision', 'has a [[personal: …]] marker without its closing ]]');
  }
  if (input.public === null || input.public === undefined) {
    problems.add('input.public', 'must be true or false');
  }
  return {
    title: problems.required('input.title', input.title ?? '', TEXT_LIMITS.title),
    description: problems.optional('input.description', input.description, TEXT_LIMITS.description),
    motivation: problems.optional('input.motivation', input.motivation, TEXT_LIMITS.motivation),
    decision,
    categoryCode: problems.required('input.category', input.category ?? '', TEXT_LIMITS.name),
    proposingGroup: problems.optional(
      'input.proposingGroup',
      input.proposingGroup,
      TEXT_LIMITS.proposingGroup,
    ),
    public: input.public ?? true,
  };
}

/** The columns an item's text derives: its sort key and its search document. */
export function derivedItemColumns(fields: {
  title: string;
  description: string | null;
  motivation: string | null;
  decision: string | null;
}): { titleSort: string; searchText: string } {
  return {
    titleSort: foldText(fields.title),
    searchText: foldText(
      [
        fields.title,
        fields.description,
        fields.motivation,
        fields.decision && withoutPersonalData(fields.decision),
      ]
        .filter(Boolean)
        .join(' '),
    ),
  };
}

const MIME_TYPE = /^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/i;
const SHA256 = /^[0-9a-f]{64}$/i;
const MAX_INT = 2_147_483_647;

export function checkAttachment(input: AttachmentInput, problems: Problems): AttachmentInput {
  const name = problems.required('input.name', input.name, 255);
  const mimeType = input.mimeType.trim().toLowerCase();
  if (!MIME_TYPE.test(mimeType)) {
    problems.add('input.mimeType', 'must be a media type such as application/pdf');
  }
  const url = input.url.trim();
  if (!isHttpUrl(url)) problems.add('input.url', 'must be an http or https URL');
  const sha256 = input.sha256.trim().toLowerCase();
  if (!SHA256.test(sha256)) problems.add('input.sha256', 'must be 64 hexadecimal digits');
  if (!Number.isInteger(input.size) || input.size < 0 || input.size > MAX_INT) {
    problems.add('input.size', 'must be a whole number of bytes, 0 or more');
  }
  return { name, mimeType, url, sha256, size: input.size };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
