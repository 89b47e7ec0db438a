import { BadUserInput } from '@communes/kit';
import type { MeetingState } from './meeting.entity';

/** CREATED → FROZEN → PUBLISHED → DECIDED → CLOSED, one step at a time. */
export const NEXT_MEETING_STATE: Record<MeetingState, MeetingState | null> = {
  CREATED: 'FROZEN',
  FROZEN: 'PUBLISHED',
  PUBLISHED: 'DECIDED',
  DECIDED: 'CLOSED',
  CLOSED: null,
};

/** Refuses any move but the next one, naming the current state and the allowed move. */
export function checkMeetingTransition(state: MeetingState, to: MeetingState): void {
  const next = NEXT_MEETING_STATE[state];
  if (next === to) return;
  throw new BadUserInput([
    { field: 'to', reason: `meeting is ${state}; allowed: ${next ?? 'none'}` },
  ]);
}

/** Items may join the agenda until the meeting freezes. */
export function acceptsItems(state: MeetingState): boolean {
  return state === 'CREATED';
}

/** Decisions are taken in session, once the agenda is published. */
export function takesDecisions(state: MeetingState): boolean {
  return state === 'PUBLISHED';
}
