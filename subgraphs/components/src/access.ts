import type { RequestContext, Role } from '@communes/kit';

/** Who may write the commune's catalogue and adoptions; `admin` may do everything. */
export const ROLES = {
  editor: ['editor', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * Staff of any member commune: callers with a role somewhere in the network. They see the
 * referents of adoptions, so that the next commune knows whom to call.
 */
export function isNetworkStaff(ctx: RequestContext): boolean {
  if (ctx.identity.kind !== 'user') return false;
  // The hub forwards roles in this commune only, and says when the caller has some elsewhere.
  return (
    ctx.identity.networkStaff === true ||
    Object.values(ctx.identity.roles).some((r) => r.length > 0)
  );
}
