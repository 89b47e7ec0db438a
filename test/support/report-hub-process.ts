/**
 * A hub in its own process, on the database named by DATABASE_URL, serving the test report with
 * runs expiring after 2 s: it queues a run at once, for a test to kill it mid-run (SIGKILL).
 */
import { generateKeyPairSync } from 'node:crypto';
import { silentLogger } from '@communes/kit';
import { startHub } from '@communes/hub';
import { OPENINGS_REPORT } from './report-network';

async function main(): Promise<void> {
  const hub = await startHub({
    database: { kind: 'postgres', url: process.env['DATABASE_URL']! },
    port: Number(process.env['PORT']),
    identityKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
    allowPrivateEndpoints: true,
    logger: silentLogger,
    communeTimeoutMs: 60_000,
    requestDeadlineMs: 120_000,
    healthIntervalMs: 3_600_000,
    reports: { definitions: [OPENINGS_REPORT], jobPollSeconds: 0.5, jobExpireSeconds: 2 },
  });
  void hub.reports.runNow('openings');
}

void main();
