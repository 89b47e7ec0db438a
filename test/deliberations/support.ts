import type { KeyObject } from 'node:crypto';
import type { NodeCommune } from '@communes/kit';
import { directory } from '@communes/directory';
import { deliberations } from '@communes/deliberations';
import type { RunningNode } from '@communes/node';
import type { DatabaseKind } from '../support/databases';
import { startTestNode } from '../support/test-node';
import { postGraphQL, type EndpointQuery } from '../support/graphql-client';

export interface DeliberationsNode extends RunningNode {
  commune: NodeCommune;
  endpoint: string;
  /** One operation on the node's deliberations subgraph, over HTTP. */
  query: EndpointQuery<any>;
}

/** A commune node serving the directory and the deliberations on its own fresh database. */
export async function startDeliberationsNode(options: {
  code: string;
  name: string;
  database: DatabaseKind;
  hubPublicKey?: KeyObject;
}): Promise<DeliberationsNode> {
  const {
    endpoint: endpointOf,
    query: _directoryQuery,
    ...node
  } = await startTestNode({
    ...options,
    subgraphs: [directory, deliberations],
  });
  const endpoint = endpointOf('deliberations');
  return {
    ...node,
    endpoint,
    query: (query, variables, headers) => postGraphQL(endpoint, query, variables, headers),
  };
}
