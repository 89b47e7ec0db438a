/**
 * `npm run bench [directory|deliberations|network|reports]`: runs the benches in turn (all by default). Each
 * prints its figures and writes them to bench/results/<name>.json.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Each bench with its arguments: the directory once as seeded, once as autovacuum leaves it. */
const BENCHES: Record<string, [string, ...string[]][]> = {
  directory: [
    [join(__dirname, 'directory', 'run.ts')],
    [join(__dirname, 'directory', 'run.ts'), '--vacuum'],
  ],
  deliberations: [[join(__dirname, 'deliberations', 'run.ts')]],
  network: [[join(__dirname, 'network', 'run.ts')]],
  reports: [[join(__dirname, 'reports', 'run.ts')]],
};

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
for (const name of names) {
  const runs = BENCHES[name];
  if (!runs) {
    console.error(`unknown bench ${name}; choose among ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== bench ${name}`);
  const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  for (const args of runs) {
    const { status } = spawnSync(tsx, args, { stdio: 'inherit' });
    if (status !== 0) process.exit(status ?? 1);
  }
}
