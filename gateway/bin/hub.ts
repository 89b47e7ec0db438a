/**
 * A lone hub, configured by the environment (see README, "Run a hub"):
 *   HUB_IDENTITY_KEY="$(cat hub-key.pem)" PORT=4000 npx tsx gateway/bin/hub.ts
 */
import { HubConfigError, loadHubConfig } from '../src/hub/config';
import { startHub } from '../src/hub/server';

async function main(): Promise<void> {
  const hub = await startHub(loadHubConfig(process.env));
  console.log(`Hub gateway: ${hub.url}/graphql`);
  const stop = async () => {
    await hub.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof HubConfigError ? error.message : error);
  process.exit(1);
});
