import { createWriteStream, createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import express, { type Response, type Router } from 'express';
import { request as httpRequest, type Dispatcher } from 'undici';
import { formattedError, requestSignal, type FieldProblem, type Logger } from '@communes/kit';
import type { CommuneTarget } from '../executor/commune-call';

/** Where the hub serves the network's SCDL « Délibérations » file. */
export const NETWORK_SCDL_PATH = '/exports/scdl/deliberations.csv';

/** Where each node serves its own, under its deliberations endpoint (`…/deliberations`). */
const NODE_SCDL_PATH = '/export/scdl.csv';

/** Response headers naming communes (comma-separated codes, commune-code order). */
export const SCDL_HEADERS = {
  included: 'X-Communes-Included',
  /** Did not answer with their file: down, too slow, an error, a header unlike the others'. */
  failed: 'X-Communes-Failed',
  /** Answered 503 EXPORT_NOT_CONFIGURED: no SIRET / KBO number, so not in the French standard. */
  notConfigured: 'X-Communes-Not-Configured',
} as const;

export interface NetworkScdlOptions {
  /** Active communes serving a subgraph, in commune-code order (the registry's membership). */
  membership: { serving(subgraph: string): readonly CommuneTarget[] };
  /** The hub's guarded outbound pool: every call to a commune goes through it. */
  dispatcher: Dispatcher;
  logger: Logger;
  /** How long one commune gets to send its whole file (default 60 s). */
  communeTimeoutMs?: number;
  /** Largest file read from one commune (default 256 MB); a larger one fails that commune. */
  maxCommuneBytes?: number;
  /** Communes fetched at a time (default 4). */
  concurrency?: number;
}

/** What one commune's call gave. */
type Fetched =
  | { code: string; outcome: 'ok'; header: string; file: string }
  | { code: string; outcome: 'not-configured' }
  | { code: string; outcome: 'failed'; reason: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** As each node limits its own export: five years is every decision of a term of office. */
const MAX_PERIOD_YEARS = 5;

/**
 * `GET /exports/scdl/deliberations.csv?from=YYYY-MM-DD&to=YYYY-MM-DD`: every active commune's
 * SCDL « Délibérations » file for the period, as one CSV with one header row, communes in code
 * order. Each commune serving deliberations is asked for its own file (the node's
 * `/deliberations/export/scdl.csv`, the same period) through the guarded pool, with a timeout.
 * A node without the commune's SIRET or KBO number answers 503 EXPORT_NOT_CONFIGURED: it is not
 * in the French standard and is left out, named in `X-Communes-Not-Configured`.
 *
 * CSV has no trailer, so a commune that fails is named in a response header
 * (`X-Communes-Failed`) and logged; to know them before the status line is sent, every file is
 * first spooled to a temporary directory (memory stays flat whatever the network's size), then
 * the answer is streamed from there. `X-Communes-Included` names the communes whose lines are in
 * the file. With no commune included, the body is empty (no header row is known).
 */
export function networkScdlRoutes(options: NetworkScdlOptions): Router {
  const timeoutMs = options.communeTimeoutMs ?? 60_000;
  const maxBytes = options.maxCommuneBytes ?? 256 * 1024 * 1024;
  const concurrency = options.concurrency ?? 4;
  const router = express.Router();
  router.get(NETWORK_SCDL_PATH, async (req, res, next) => {
    const period = parsePeriod(req.query as Record<string, unknown>);
    if (Array.isArray(period)) return badRequest(res, period);
    const signal = requestSignal(req);
    let spool: string | undefined;
    try {
      spool = await mkdtemp(join(tmpdir(), 'network-scdl-'));
      const dir = spool;
      const targets = options.membership.serving('deliberations');
      const query = new URLSearchParams(period).toString();
      const fetched = await mapBounded(targets, concurrency, (target, i) =>
        fetchCommune(target, join(dir, `${i}.csv`), query, {
          dispatcher: options.dispatcher,
          signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
          maxBytes,
        }),
      );
      if (signal.aborted) return;
      const included = fetched.filter((f) => f.outcome === 'ok');
      const header = included[0]?.header;
      // A node on another version of the standard would misalign every column after it.
      const parts = included.filter((f) => f.header === header);
      const failed: { code: string; reason: string }[] = [
        ...fetched.flatMap((f) => (f.outcome === 'failed' ? [f] : [])),
        ...included
          .filter((f) => f.header !== header)
          .map((f) => ({ code: f.code, reason: 'its header row differs from the others' })),
      ].sort((a, b) => (a.code < b.code ? -1 : 1));
      if (failed.length > 0)
        options.logger.warn(
          { failed, period },
          'network SCDL export: communes left out because they failed',
        );
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="deliberations-${period.from}-${period.to}.csv"`,
      );
      res.setHeader(SCDL_HEADERS.included, parts.map((f) => f.code).join(','));
      res.setHeader(SCDL_HEADERS.failed, failed.map((f) => f.code).join(','));
      res.setHeader(
        SCDL_HEADERS.notConfigured,
        fetched
          .filter((f) => f.outcome === 'not-configured')
          .map((f) => f.code)
          .join(','),
      );
      try {
        if (header !== undefined && !res.write(header)) await once(res, 'drain');
        for (const part of parts) await pipeline(createReadStream(part.file), res, { end: false });
        res.end();
      } catch (error: unknown) {
        if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE')
          options.logger.error({ err: error }, 'network SCDL export cut off');
        res.destroy();
      }
    } catch (error: unknown) {
      next(error);
    } finally {
      if (spool) await rm(spool, { recursive: true, force: true });
    }
  });
  return router;
}

/**
 * Reads one commune's file: its header row (the first line) apart, the rest into `file`.
 * Never throws: a failure is that commune's outcome.
 */
async function fetchCommune(
  target: CommuneTarget,
  file: string,
  query: string,
  call: { dispatcher: Dispatcher; signal: AbortSignal; maxBytes: number },
): Promise<Fetched> {
  const { code } = target;
  if (!/\/graphql\/?$/.test(target.url))
    return { code, outcome: 'failed', reason: 'its endpoint does not end in /graphql' };
  const url = `${target.url.replace(/\/graphql\/?$/, NODE_SCDL_PATH)}?${query}`;
  try {
    const response = await httpRequest(url, {
      method: 'GET',
      headers: { accept: 'text/csv' },
      signal: call.signal,
      dispatcher: call.dispatcher,
    });
    if (response.statusCode !== 200) {
      const text = await response.body.text().catch(() => '');
      if (response.statusCode === 503 && text.includes('EXPORT_NOT_CONFIGURED'))
        return { code, outcome: 'not-configured' };
      return { code, outcome: 'failed', reason: `HTTP ${response.statusCode}` };
    }
    let header: string | undefined;
    let pending = Buffer.alloc(0);
    let bytes = 0;
    let last = 0x0a;
    const out = createWriteStream(file);
    try {
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > call.maxBytes) {
          response.body.destroy();
          return { code, outcome: 'failed', reason: `its file is over ${call.maxBytes} bytes` };
        }
        let rest = chunk;
        if (header === undefined) {
          pending = Buffer.concat([pending, chunk]);
          const end = pending.indexOf(0x0a);
          if (end < 0) continue;
          header = pending.subarray(0, end + 1).toString('utf8');
          rest = pending.subarray(end + 1);
        }
        if (rest.length === 0) continue;
        last = rest[rest.length - 1]!;
        if (!out.write(rest)) await once(out, 'drain');
      }
      // A last line without its line end would run into the next commune's first line.
      if (last !== 0x0a) out.write('\n');
    } finally {
      out.end();
      await once(out, 'close');
    }
    if (header === undefined) return { code, outcome: 'failed', reason: 'its file is empty' };
    return { code, outcome: 'ok', header, file };
  } catch (error: unknown) {
    return { code, outcome: 'failed', reason: (error as Error).message };
  }
}

/** `work` over `items`, at most `limit` at a time, results in the items' order. */
async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** `from` and `to`, ISO dates, both required and passed on to every node, which checks them too. */
function parsePeriod(
  query: Record<string, unknown>,
): { from: string; to: string } | FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const name of Object.keys(query))
    if (name !== 'from' && name !== 'to')
      problems.push({ field: name, reason: 'is not a parameter of the export (from, to)' });
  const dateOf = (field: 'from' | 'to'): string | undefined => {
    const value = query[field];
    const date =
      typeof value === 'string' && ISO_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : null;
    // Date rolls 2026-02-30 over to March; reading the parts back catches it.
    if (date && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value)
      return value as string;
    problems.push({
      field,
      reason:
        value === undefined
          ? 'is required (YYYY-MM-DD)'
          : 'must be one ISO 8601 calendar date (YYYY-MM-DD)',
    });
    return undefined;
  };
  const from = dateOf('from');
  const to = dateOf('to');
  if (from && to && to >= addYears(from, MAX_PERIOD_YEARS))
    problems.push({
      field: 'to',
      reason: `the period may span at most ${MAX_PERIOD_YEARS} years: to must be before ${addYears(from, MAX_PERIOD_YEARS)}`,
    });
  if (from && to && from > to)
    problems.push({ field: 'to', reason: `must not be before from (${from})` });
  return problems.length > 0 || !from || !to ? problems : { from, to };
}

function addYears(isoDay: string, years: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

function badRequest(res: Response, problems: FieldProblem[]): void {
  res.status(400).json({
    errors: problems.map((p) =>
      formattedError('BAD_USER_INPUT', `${p.field}: ${p.reason}`, {
        field: p.field,
        reason: p.reason,
      }),
    ),
  });
}
