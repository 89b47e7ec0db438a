import {
  IDENTITY_HEADER,
  identityTokenFor,
  type HubSigningKey,
  type Identity,
} from '@communes/kit';

/**
 * Subgraphs that show staff of any member commune more than the public (components: whom to
 * call about an adoption); there, communes where the caller holds no role learn that they are
 * staff elsewhere. Everywhere else such communes get no identity.
 */
const NETWORK_STAFF_SUBGRAPHS: ReadonlySet<string> = new Set(['components']);

/**
 * The headers for one call to one commune: a token for that commune alone, signed anew for
 * every call (nodes take each token id once), or none where the caller holds no role there.
 */
export function forwardedIdentity(identity: Identity, key: HubSigningKey) {
  return (commune: string, subgraph: string): Record<string, string> => {
    const networkStaff = NETWORK_STAFF_SUBGRAPHS.has(subgraph);
    const token = identityTokenFor(identity, commune, key, { networkStaff });
    return token ? { [IDENTITY_HEADER]: token } : {};
  };
}
