import { rolesIn, type RequestContext, type Role } from '@communes/kit';

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

/** Staff of the commune (any role in it) see everything of their commune. */
export function isStaff(ctx: RequestContext): boolean {
  return rolesIn(ctx.identity, ctx.commune.code).length > 0;
}
