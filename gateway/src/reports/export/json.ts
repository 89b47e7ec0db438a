import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { ReportLanguage } from '../definition';
import type { ReportTable } from '../table';

/**
 * Writes a read as JSON, `{ report, asOf, columns, rows, communes }`: the GraphQL `report`
 * answer's shape, labels in `language`, written piece by piece (one row at a time, waiting for
 * the response to drain) so a large read is never one string in memory.
 */
export async function writeJson(
  table: ReportTable,
  out: Writable,
  language: ReportLanguage,
): Promise<void> {
  const { report } = table;
  const columns = table.columns.map((c) => ({
    name: c.name,
    label: c.label[language],
    role: c.role,
    type: c.type,
    aggregate: c.aggregate,
  }));
  const definition = {
    id: report.id,
    title: report.title[language],
    description: report.description[language],
    columns: [
      ...report.dimensions.map((d) => ({
        name: d.name,
        label: d.label[language],
        role: 'DIMENSION',
        type: d.type,
        aggregate: null,
      })),
      ...report.measures.map((m) => ({
        name: m.name,
        label: m.label[language],
        role: 'MEASURE',
        type: m.type,
        aggregate: m.aggregate,
      })),
    ],
    periodDimension: report.periodDimension ?? null,
    sources: report.sources,
    chart: report.chart,
  };
  await write(
    out,
    `{"report":${JSON.stringify(definition)},"asOf":${JSON.stringify(table.asOf)},"columns":${JSON.stringify(columns)},"rows":[`,
  );
  let first = true;
  for (const row of table.rows) {
    const { dimensions, measures, stale } = row;
    await write(out, `${first ? '' : ','}${JSON.stringify({ dimensions, measures, stale })}`);
    first = false;
  }
  const communes = table.communes.map(({ communeCode, readAt, state, ageSeconds, error }) => ({
    communeCode,
    readAt,
    state,
    ageSeconds,
    error,
  }));
  await write(out, `],"communes":${JSON.stringify(communes)}}`);
  out.end();
  await once(out, 'finish');
}

/** Writes a chunk, waiting when the response's buffer is full; fails if it was closed. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed)
    throw Object.assign(new Error('response closed'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
  if (!out.write(chunk)) await drainedOrClosed(out);
}

/**
 * Resolves when the response drains or closes, then forgets both listeners (racing two `once`
 * would leave the loser's listeners on the response at every wait).
 */
function drainedOrClosed(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
