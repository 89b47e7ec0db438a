import { BadUserInput, type Role } from '@communes/kit';
import type { ItemState } from './item.entity';
import { ROLES } from './access';

/** The decisions a meeting may take on an item: its final states. */
export const DECISIONS = [
  'ACCEPTED',
  'ACCEPTED_BUT_MODIFIED',
  'REFUSED',
  'DELAYED',
  'REMOVED',
] as const satisfies readonly ItemState[];
export type Decision = (typeof DECISIONS)[number];

export type ItemAction = 'propose' | 'validate' | 'present' | 'freeze' | 'decide';

interface ActionRule {
  from: ItemState;
  to: readonly ItemState[];
  roles: readonly Role[];
}

/** The item workflow (PloneMeeting's, without the way back): one action per state. */
export const ITEM_ACTIONS: Record<ItemAction, ActionRule> = {
  propose: { from: 'CREATED', to: ['PROPOSED'], roles: ROLES.editor },
  validate: { from: 'PROPOSED', to: ['VALIDATED'], roles: ROLES.secretary },
  present: { from: 'VALIDATED', to: ['PRESENTED'], roles: ROLES.secretary },
  freeze: { from: 'PRESENTED', to: ['FROZEN'], roles: ROLES.secretary },
  decide: { from: 'FROZEN', to: DECISIONS, roles: ROLES.secretary },
};

export function isDecided(state: ItemState): boolean {
  return (DECISIONS as readonly ItemState[]).includes(state);
}

/** `validate (VALIDATED)`, or `none` for a final state. */
export function allowedFrom(state: ItemState): string {
  const allowed = (Object.entries(ITEM_ACTIONS) as [ItemAction, ActionRule][])
    .filter(([, rule]) => rule.from === state)
    .map(([action, rule]) => `${action} (${rule.to.join(', ')})`);
  return allowed.length > 0 ? allowed.join(', ') : 'none';
}

/** Refuses an action the item's state does not allow, naming the state and what it allows. */
export function checkItemAction(state: ItemState, action: ItemAction, to?: ItemState): void {
  const rule = ITEM_ACTIONS[action];
  if (rule.from === state && (to === undefined || rule.to.includes(to))) return;
  throw new BadUserInput([
    { field: 'id', reason: `item is ${state}; allowed: ${allowedFrom(state)}` },
  ]);
}
