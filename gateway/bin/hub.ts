/**
 * A lone hub, configured by the environment (see README, "Run a hub"):
 *   HUB_IDENTITY_KEY="$(cat hub-key.pem)" PORT=4000 npx tsx gateway/bin/hub.ts
 */
import { runProcess } from '@communes/kit';
import { loadHubConfig } from '../src/hub/config';
import { startHub } from '../src/hub/server';

void runProcess({
  name: 'hub',
  load: loadHubConfig,
  start: (config, logger) => startHub({ ...config, logger }),
  describe: (_config, url) => ({ api: `${url}/graphql` }),
});
