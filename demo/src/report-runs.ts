/**
 * The demo's reports: every report runs once at start. On the first start (no run stored yet),
 * the first runs are dated a month back, a month of changes is then made through the hub's API
 * (businesses opened and closed, software upgraded), and every report runs again today, so that
 * the trend lines of the reports page have two points a month apart.
 */
import { generateBusinesses } from '@communes/directory';
import type { RunningHub } from '@communes/hub';
import type { DemoCommune } from './communes';

/** The hub's report clock, moved a month back for the first runs of a new demo network. */
export class DemoClock {
  private offsetMs = 0;
  readonly now = (): Date => new Date(Date.now() + this.offsetMs);
  monthBack(): void {
    this.offsetMs = -30 * 24 * 3600 * 1000;
  }
  today(): void {
    this.offsetMs = 0;
  }
}

type GraphQL = (
  query: string,
  variables: Record<string, unknown>,
  token?: string,
) => Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers of known queries, read field by field

export interface ReportRunsOptions {
  hub: RunningHub;
  clock: DemoClock;
  graphql: GraphQL;
  communes: readonly DemoCommune[];
  /** A token of the commune's administrator. */
  adminOf(code: string): Promise<string>;
  log(line: string): void;
}

/** Runs every report (twice a month apart on a new network); resolves when all are stored. */
export async function runDemoReports(options: ReportRunsOptions): Promise<void> {
  const { hub, clock, graphql, log } = options;
  const { reportRuns } = await graphql(
    `
      {
        reportRuns(first: 1) {
          id
        }
      }
    `,
    {},
  );
  if ((reportRuns as unknown[]).length > 0) {
    await runEveryReport(hub, 'STARTUP');
    log('Reports: every report ran at start.');
    return;
  }
  clock.monthBack();
  try {
    await runEveryReport(hub, 'STARTUP');
  } finally {
    clock.today();
  }
  const made = await simulateMonth(options);
  await runEveryReport(hub, 'STARTUP');
  log(
    `Reports: every report ran dated a month back, then again after a month of changes (${made}).`,
  );
}

async function runEveryReport(hub: RunningHub, trigger: 'STARTUP'): Promise<void> {
  await Promise.all(hub.reports.definitions.map((d) => hub.reports.runNow(d.id, trigger)));
}

/** A month in the communes' life, through the same API a commune's staff uses. */
async function simulateMonth(options: ReportRunsOptions): Promise<string> {
  const { graphql, communes } = options;
  const today = new Date().toISOString().slice(0, 10);
  let opened = 0;
  let closed = 0;
  let upgraded = 0;
  for (const [i, commune] of communes.entries()) {
    const token = await options.adminOf(commune.code);
    // New businesses, from the seed's generator with a seed of their own.
    for (const input of generateBusinesses(commune.code, 3 + i, 1_000 + i)) {
      await graphql(
        `
          mutation ($c: ID!, $input: CreateBusinessInput!) {
            createBusiness(commune: $c, input: $input) {
              id
            }
          }
        `,
        { c: commune.code, input: { ...input, startDate: today } },
        token,
      ).then(
        () => opened++,
        () => undefined, // an identifier the commune already has: that one is not opened
      );
    }
    const { businesses } = await graphql(
      `query ($c: [ID!]) { businesses(communes: $c, first: ${2 + (i % 2)}, filter: { status: ACTIVE }) { edges { node { id } } } }`,
      { c: [commune.code] },
    );
    for (const { node } of businesses.edges as { node: { id: string } }[]) {
      await graphql(
        `
          mutation ($c: ID!, $id: ID!) {
            closeBusiness(commune: $c, id: $id) {
              id
            }
          }
        `,
        { c: commune.code, id: node.id },
        token,
      );
      closed++;
    }
    // The first software in production that is behind moves to the version published now.
    const { adoptions } = await graphql(
      `
        query ($c: [ID!]) {
          adoptions(communes: $c, first: 20, filter: { status: [IN_PRODUCTION] }) {
            edges {
              node {
                id
                version
                componentUrl
              }
            }
          }
        }
      `,
      { c: [commune.code] },
    );
    const { components } = await graphql(
      `
        {
          components(first: 100) {
            edges {
              node {
                url
                softwareVersion
              }
            }
          }
        }
      `,
      {},
    );
    const latest = new Map(
      (components.edges as { node: { url: string; softwareVersion: string | null } }[]).map(
        ({ node }) => [node.url, node.softwareVersion] as const,
      ),
    );
    const behind = (
      adoptions.edges as { node: { id: string; version: string | null; componentUrl: string } }[]
    )
      .map(({ node }) => ({ ...node, latest: latest.get(node.componentUrl) }))
      .find((a) => a.latest && a.latest !== a.version);
    if (behind) {
      await graphql(
        `
          mutation ($c: ID!, $id: ID!, $input: UpdateAdoptionInput!) {
            updateAdoption(commune: $c, id: $id, input: $input) {
              id
            }
          }
        `,
        { c: commune.code, id: behind.id, input: { version: behind.latest } },
        token,
      );
      upgraded++;
    }
  }
  return `${opened} businesses opened, ${closed} closed, ${upgraded} adoptions upgraded`;
}
