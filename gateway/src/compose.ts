import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { contractSdl, contractSubgraphNames } from '@communes/schema';
import { parse, printSchema } from 'graphql';
import { contractProblems } from './executor/shapes';

/** The hub's registry of member communes. */
export const REGISTRY = 'registry';
/** The association's consolidated reports, read from the hub's own snapshots. */
export const REPORTS = 'reports';
/** Subgraphs the hub serves itself; every other contract subgraph is served by the communes. */
export const HUB_SUBGRAPHS: readonly string[] = [REGISTRY, REPORTS];

/** Subgraph names served by commune nodes, through the network executor. */
export function networkSubgraphNames(): string[] {
  return contractSubgraphNames().filter((name) => !HUB_SUBGRAPHS.includes(name));
}

/** Placeholder URL in the committed supergraph: the executor routes, not the URL. */
export const networkUrl = (subgraph: string) => `http://network.invalid/${subgraph}/graphql`;

/**
 * Composes the supergraph from the contract, and refuses a contract whose fields spanning
 * communes the executor could not merge.
 */
export function composeSupergraph(urlOf: (subgraph: string) => string = networkUrl): {
  supergraphSdl: string;
  /** The schema clients see: what typed client operations are generated against. */
  apiSdl: string;
} {
  const names = contractSubgraphNames();
  const problems = networkSubgraphNames().flatMap((name) =>
    contractProblems(name, buildSubgraphSchema([{ typeDefs: parse(contractSdl(name)) }])),
  );
  if (problems.length > 0)
    throw new Error(`The contract has fields the hub cannot merge:\n${problems.join('\n')}`);
  const result = composeServices(
    names.map((name) => ({ name, url: urlOf(name), typeDefs: parse(contractSdl(name)) })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return {
    supergraphSdl: result.supergraphSdl,
    apiSdl: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()),
  };
}
