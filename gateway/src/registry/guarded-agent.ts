import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { addressProblem, bareHost, hostProblem, type EndpointPolicy } from './endpoint-policy';

/** Why a connection was not opened: the address is one the endpoint policy refuses. */
export class EndpointRefused extends Error {
  readonly code = 'ENDPOINT_REFUSED';
  constructor(host: string, reason: string) {
    super(`${host} ${reason}`);
    this.name = 'EndpointRefused';
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A keep-alive connection pool for every call the hub makes to communes (queries, contract
 * and health checks) that checks each connection's address against the policy as it opens:
 * a name registered when it resolved to a public address cannot be pointed at the hub's own
 * network later (DNS rebinding), nor an endpoint stored before the policy be called.
 */
export function guardedAgent(policy: EndpointPolicy): Agent {
  const connect = buildConnector({ lookup: guardedLookup(policy) });
  return new Agent({
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 120_000,
    connect: (options, callback) => {
      const host = bareHost(options.hostname);
      const problem = hostProblem(host, policy);
      if (problem) {
        callback(new EndpointRefused(host, problem), null);
        return;
      }
      connect(options, callback);
    },
  });
}

/** `dns.lookup` that fails when any address of the name is refused; IP literals skip it. */
function guardedLookup(policy: EndpointPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const problem = isIP(address) ? addressProblem(address, policy) : null;
        if (problem) return callback(new EndpointRefused(hostname, problem), []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new EndpointRefused(hostname, 'resolves to nothing'), []);
      callback(null, first.address, first.family);
    });
  };
}
