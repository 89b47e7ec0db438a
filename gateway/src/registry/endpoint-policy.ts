import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Which addresses the hub may call as commune endpoints. Endpoints are typed in by hub
 * administrators, and the hub calls them from inside its own network: without a policy, a
 * registration is a port scanner of that network and a way to the cloud's metadata service.
 */
export interface EndpointPolicy {
  /** Loopback and private ranges: for tests and a network on one machine or one LAN only. */
  allowPrivate: boolean;
}

type Range = [address: string, prefix: number];

/** Never a commune: link-local (cloud metadata lives there), unspecified, multicast, reserved. */
const NEVER: Range[] = [
  ['0.0.0.0', 8],
  ['169.254.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
  ['::', 128],
  ['fe80::', 10],
  ['ff00::', 8],
  // AWS's metadata service over IPv6, inside the private fc00::/7 below.
  ['fd00:ec2::254', 128],
];

/** Only with `allowPrivate`: loopback, RFC 1918, carrier-grade NAT, unique local, benchmarking. */
const PRIVATE: Range[] = [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
  ['192.0.0.0', 24],
  ['198.18.0.0', 15],
  ['::1', 128],
  ['fc00::', 7],
  // NAT64 and 6to4 carry an IPv4 address inside: which one is not checked, so they count as private.
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2002::', 16],
];

/** Names of cloud metadata services, refused whatever they resolve to. */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata']);

const never = blockList(NEVER);
const privateRanges = blockList(PRIVATE);

export const REFUSED_ADDRESS = 'must not be a link-local, metadata or non-unicast address';
export const PRIVATE_ADDRESS =
  'must not be a loopback or private address (this hub does not allow private endpoints)';

/** Why the hub must not call `address` (an IP literal), or null when it may. */
export function addressProblem(address: string, policy: EndpointPolicy): string | null {
  const family = isIP(address);
  if (family === 0) return REFUSED_ADDRESS;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  // BlockList reads IPv4-mapped IPv6 (::ffff:127.0.0.1) as the IPv4 address it maps.
  if (never.check(address, type)) return REFUSED_ADDRESS;
  if (!policy.allowPrivate && privateRanges.check(address, type)) return PRIVATE_ADDRESS;
  return null;
}

/** Why the hub must not call `hostname` before it is resolved (names and literals), or null. */
export function hostProblem(hostname: string, policy: EndpointPolicy): string | null {
  const host = bareHost(hostname);
  if (METADATA_NAMES.has(host)) return REFUSED_ADDRESS;
  // Every other name, `localhost` included, is judged by the addresses it resolves to.
  return isIP(host) ? addressProblem(host, policy) : null;
}

export type ResolveHost = (hostname: string) => Promise<string[]>;

const resolveWithDns: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Why an endpoint URL must not be registered, or null: http(s) only, and neither its host nor
 * any address its name resolves to may be refused by the policy. Nothing is sent to it.
 */
export async function endpointProblem(
  url: string,
  policy: EndpointPolicy,
  resolve: ResolveHost = resolveWithDns,
): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute http or https URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `must be an http or https URL, not ${parsed.protocol}`;
  const host = bareHost(parsed.hostname);
  const problem = hostProblem(host, policy);
  if (problem || isIP(host)) return problem;
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return `names a host that does not resolve (${host})`;
  }
  if (addresses.length === 0) return `names a host that does not resolve (${host})`;
  for (const address of addresses) {
    const refused = addressProblem(address, policy);
    if (refused) return `names a host that resolves to ${address}, which ${refused}`;
  }
  return null;
}

/** The host as a name or an IP literal: lower case, no brackets, no trailing dot. */
export function bareHost(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

function blockList(ranges: Range[]): BlockList {
  const list = new BlockList();
  for (const [address, prefix] of ranges)
    list.addSubnet(address, prefix, isIP(address) === 4 ? 'ipv4' : 'ipv6');
  return list;
}
