import type { CreateMeetingInput } from './generated/graphql';
import { INSTANT_FORMAT, Problems, TEXT_LIMITS, isUuid, parseInstant } from './validation';

export interface CheckedMeeting {
  organizationId: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
}

/** Checks a new meeting; the organization's existence is checked by the service. */
export function checkMeetingInput(input: CreateMeetingInput, problems: Problems): CheckedMeeting {
  if (!isUuid(input.organization)) problems.add('input.organization', 'must be an organization id');
  const title = problems.required('input.title', input.title, TEXT_LIMITS.title);
  const startsAt = parseInstant(input.startsAt);
  if (!startsAt) problems.add('input.startsAt', `must be ${INSTANT_FORMAT}`);
  let endsAt: Date | null = null;
  if (input.endsAt != null) {
    endsAt = parseInstant(input.endsAt);
    if (!endsAt) problems.add('input.endsAt', `must be ${INSTANT_FORMAT}`);
    else if (startsAt && endsAt < startsAt)
      problems.add('input.endsAt', 'must not be before startsAt');
  }
  return {
    organizationId: input.organization,
    title,
    startsAt: startsAt ?? new Date(0),
    endsAt,
    location: problems.optional('input.location', input.location, TEXT_LIMITS.location),
  };
}
