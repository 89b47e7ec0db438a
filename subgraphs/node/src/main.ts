/**
 * A lone commune node, configured by the environment (see README, "Run a commune node"):
 *   COMMUNE_CODE=BE-92094 COMMUNE_NAME=Namur PORT=4001 npx tsx subgraphs/node/src/main.ts
 */
import { ConfigError, loadNodeConfig } from './config';
import { startNode } from './server';
import { NODE_SUBGRAPHS } from './subgraphs';

async function main(): Promise<void> {
  const config = loadNodeConfig(process.env);
  const node = await startNode({ ...config, subgraphs: NODE_SUBGRAPHS });
  const where =
    config.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.database.dataDir}`;
  console.log(`Commune node ${config.commune.code} ${config.commune.name} on ${where}`);
  for (const subgraph of NODE_SUBGRAPHS)
    console.log(`  ${subgraph.name}: ${node.url}/${subgraph.name}/graphql`);
  const stop = async () => {
    await node.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
