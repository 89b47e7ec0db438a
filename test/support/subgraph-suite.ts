/** What every subgraph's test suite does on its commune node: sign in, write, read, compare. */
import type { DataSource } from 'typeorm';
import type { Role } from '@communes/kit';
import { dataOf, type GraphQLResponse } from './graphql-client';
import { createTestHubKeys, type TestHubKeys } from './identities';
import { snapshot } from './snapshot';

export type Row = Record<string, any>;
export type Headers = Record<string, string>;

/** The problems of a refused request: its code, and each field with its reason. */
export function problemsOf(response: GraphQLResponse<unknown>) {
  const extensions = response.errors?.[0]?.extensions ?? {};
  const problems = (extensions['problems'] ?? []) as {
    field: string;
    reason: string;
    /** For problems inside a submitted file: the line it is on. */
    line?: number;
  }[];
  return { code: extensions['code'], problems, fields: problems.map((p) => p.field) };
}

export interface SubgraphCalls {
  /** Hub-signed headers of a user holding `role` in `commune` (default: the suite's); subject `<role>@<commune>.example`. */
  as(role: Role, commune?: string): Promise<Headers>;
  /** One operation on the suite's subgraph; mutations get `commune` filled in. */
  send(query: string, variables?: Row, headers?: Headers): Promise<GraphQLResponse<any>>;
  /** A query that must succeed: its data. */
  read(query: string, variables?: Row, headers?: Headers): Promise<any>;
  /** Runs a write that must be refused, and checks that no table changed. */
  unchanged(write: () => Promise<GraphQLResponse<any>>): Promise<GraphQLResponse<any>>;
}

/**
 * Gives `suite` its calls on one subgraph of one commune's node, and makes the hub keys they sign
 * with in a `beforeAll` that runs before the suite's own (which starts the node trusting them).
 * The database and the endpoint are read at each call, once the suite has started its node.
 */
export function useSubgraphCalls(
  suite: SubgraphCalls,
  options: {
    commune: string;
    /** Every table of the subgraph: a refused write must leave all of them as they were. */
    tables: string[];
    db: () => DataSource;
    post: (query: string, variables: Row, headers: Headers) => Promise<GraphQLResponse<any>>;
  },
): () => TestHubKeys {
  let keys: TestHubKeys | null = null;
  beforeAll(async () => {
    keys = await createTestHubKeys();
  });
  const { commune, tables, db, post } = options;
  const calls: SubgraphCalls = {
    as: (role, code = commune) =>
      // Addressed to this node, as the hub would: a role elsewhere reaches it as staff only.
      keys!.headersFor({ [code]: [role] }, `${role}@${code.toLowerCase()}.example`, commune),
    send: (query, variables = {}, headers = {}) => post(query, { commune, ...variables }, headers),
    read: async (query, variables = {}, headers = {}) =>
      dataOf(await post(query, variables, headers)),
    unchanged: async (write) => {
      const before = await snapshot(db(), tables);
      const response = await write();
      expect(await snapshot(db(), tables)).toBe(before);
      return response;
    },
  };
  Object.assign(suite, calls);
  return () => keys!;
}
