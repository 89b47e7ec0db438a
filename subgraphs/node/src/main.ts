/**
 * A lone commune node, configured by the environment (see README, "Run a commune node"):
 *   COMMUNE_CODE=BE-92094 COMMUNE_NAME=Namur PORT=4001 npx tsx subgraphs/node/src/main.ts
 */
import { runProcess } from '@communes/kit';
import { loadNodeConfig } from './config';
import { startNode } from './server';
import { NODE_SUBGRAPHS } from './subgraphs';

void runProcess({
  name: 'node',
  load: loadNodeConfig,
  start: (config, logger) => startNode({ ...config, subgraphs: NODE_SUBGRAPHS, logger }),
  describe: (config, url) => ({
    commune: config.commune.code,
    database: config.database.kind === 'postgres' ? 'PostgreSQL' : config.database.dataDir,
    endpoints: NODE_SUBGRAPHS.map((s) => `${url}/${s.name}/graphql`),
  }),
});
