import { Forbidden } from './errors';

/**
 * Roles a user may hold in a commune. `analyst` means something under the hub scope only: it
 * runs the association's reports.
 */
export type Role = 'editor' | 'secretary' | 'admin' | 'analyst';

/**
 * Who is calling: nobody in particular, or a user with roles per commune code. At a node,
 * `roles` holds that commune's roles only; `networkStaff` says the user holds a role in
 * another commune (the hub tells the subgraphs that show staff of any commune more).
 */
export type Identity =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      subject: string;
      name?: string;
      roles: Record<string, Role[]>;
      networkStaff?: boolean;
    };

export const ANONYMOUS: Identity = { kind: 'anonymous' };

/** The header that carries the hub-signed identity from the hub to a commune node. */
export const IDENTITY_HEADER = 'x-hub-identity';

export function isRole(value: unknown): value is Role {
  return value === 'editor' || value === 'secretary' || value === 'admin' || value === 'analyst';
}

export function rolesIn(identity: Identity, communeCode: string): Role[] {
  return identity.kind === 'user' ? (identity.roles[communeCode] ?? []) : [];
}

/** Refuses the call unless the caller holds one of `roles` in `communeCode`. */
export function requireRole(identity: Identity, communeCode: string, roles: Role[]): void {
  const held = rolesIn(identity, communeCode);
  if (roles.some((role) => held.includes(role))) return;
  if (identity.kind === 'anonymous') {
    throw new Forbidden(
      `Anonymous callers cannot do this; sign in with a ${roles.join(' or ')} role in ${communeCode}`,
    );
  }
  throw new Forbidden(`${identity.subject} has no ${roles.join(' or ')} role in ${communeCode}`);
}
