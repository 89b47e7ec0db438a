import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';

/** Folder holding the contract: one `<subgraph>.graphql` per subgraph name. */
export const SCHEMA_DIR = join(__dirname, '..');

/** Subgraph names of the contract, read from the files present. */
export function contractSubgraphNames(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql') && f !== 'supergraph.graphql')
    .map((f) => f.replace(/\.graphql$/, ''))
    .sort();
}

export function contractSdl(subgraph: string): string {
  return readFileSync(join(SCHEMA_DIR, `${subgraph}.graphql`), 'utf8');
}

export function contractTypeDefs(subgraph: string): DocumentNode {
  return parse(contractSdl(subgraph));
}
