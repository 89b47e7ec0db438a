import type { RequestContext } from './context';
import { WrongCommune } from './errors';
import { requireRole, type Role } from './identity';

/**
 * Writes go to the commune this node serves, by a caller holding one of `roles` there.
 * Returns the caller's subject, which signs histories.
 */
export function authoriseWrite(
  ctx: RequestContext,
  commune: string,
  roles: readonly Role[],
): string {
  if (commune !== ctx.commune.code) throw new WrongCommune(ctx.commune.code, commune);
  requireRole(ctx.identity, commune, [...roles]);
  // Only users pass requireRole.
  return ctx.identity.kind === 'user' ? ctx.identity.subject : 'anonymous';
}

/** The fields an update names: absent ones keep their value, null ones are cleared. */
export function definedFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
