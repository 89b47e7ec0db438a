import { generateKeyPairSync } from 'node:crypto';
import { ConfigError } from '@communes/kit';
import { HUB_ENV_VARIABLES, loadHubConfig } from '@communes/hub';

const key = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

describe('report settings of the hub', () => {
  it('runs nightly at 3, keeps two years, takes a run active for an hour for abandoned, reads 8 communes at once', () => {
    expect(loadHubConfig({ HUB_IDENTITY_KEY: key }).reports).toEqual({
      schedule: '0 3 * * *',
      retentionDays: 730,
      jobExpireSeconds: 3600,
      concurrency: 8,
    });
    expect(HUB_ENV_VARIABLES).toEqual(
      expect.arrayContaining([
        'REPORT_SCHEDULE',
        'REPORTS_RETENTION_DAYS',
        'REPORT_JOB_EXPIRE_SECONDS',
        'REPORT_CONCURRENCY',
      ]),
    );
  });

  it('reads each from the environment', () => {
    const config = loadHubConfig({
      HUB_IDENTITY_KEY: key,
      REPORT_SCHEDULE: '30 2 * * 1',
      REPORTS_RETENTION_DAYS: '365',
      REPORT_JOB_EXPIRE_SECONDS: '600',
      REPORT_CONCURRENCY: '4',
    });
    expect(config.reports).toEqual({
      schedule: '30 2 * * 1',
      retentionDays: 365,
      jobExpireSeconds: 600,
      concurrency: 4,
    });
  });

  it.each([
    ['REPORT_SCHEDULE', 'nightly'],
    ['REPORT_SCHEDULE', '99 3 * * *'],
    ['REPORTS_RETENTION_DAYS', '0'],
    ['REPORT_JOB_EXPIRE_SECONDS', '1.5'],
    ['REPORT_CONCURRENCY', 'many'],
  ])('refuses a bad %s, naming it', (variable, value) => {
    const load = () => loadHubConfig({ HUB_IDENTITY_KEY: key, [variable]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(variable));
  });
});
