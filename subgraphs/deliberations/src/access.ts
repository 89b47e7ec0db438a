import { BadUserInput, requireRole, rolesIn, type RequestContext, type Role } from '@communes/kit';

/** Who may do what in a commune's deliberations; `admin` may do everything. */
export const ROLES = {
  /** Write items, propose them, attach files. */
  editor: ['editor', 'admin'],
  /** Run meetings: create, validate, present, freeze, publish, decide. */
  secretary: ['secretary', 'admin'],
  /** Files may be attached by whoever prepares the item or records its decision. */
  attach: ['editor', 'secretary', 'admin'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

/** Writes go to the commune this node serves, by a caller holding one of `roles` there. */
export function authorise(ctx: RequestContext, commune: string, roles: readonly Role[]): string {
  if (commune !== ctx.commune.code) {
    throw new BadUserInput([
      { field: 'commune', reason: `this node serves ${ctx.commune.code}, not ${commune}` },
    ]);
  }
  requireRole(ctx.identity, commune, [...roles]);
  // Only users pass requireRole: their subject signs the history.
  return ctx.identity.kind === 'user' ? ctx.identity.subject : 'anonymous';
}

/** Staff of the commune (any role in it) see everything of their commune. */
export function isStaff(ctx: RequestContext): boolean {
  return rolesIn(ctx.identity, ctx.commune.code).length > 0;
}
