import type { FieldProblem } from '@communes/kit';
import type { CommuneStatus } from './commune.entity';

export type StatusChange = 'suspend' | 'reinstate' | 'remove';

/** The only legal moves between statuses; registering again from LEFT is `register`'s. */
const TRANSITIONS: Record<
  StatusChange,
  { from: CommuneStatus[]; to: CommuneStatus; done: string }
> = {
  suspend: { from: ['ACTIVE'], to: 'SUSPENDED', done: 'suspended' },
  reinstate: { from: ['SUSPENDED'], to: 'ACTIVE', done: 'reinstated' },
  remove: { from: ['ACTIVE', 'SUSPENDED'], to: 'LEFT', done: 'removed' },
};

export function targetStatus(change: StatusChange): CommuneStatus {
  return TRANSITIONS[change].to;
}

/** The problem with `change` from `current`, naming the current status; null when legal. */
export function transitionProblem(
  change: StatusChange,
  current: CommuneStatus,
  field: string,
): FieldProblem | null {
  const { from, done } = TRANSITIONS[change];
  if (from.includes(current)) return null;
  return {
    field,
    reason: `cannot be ${done}: its status is ${current}; only ${from.join(' or ')} communes can be`,
  };
}
