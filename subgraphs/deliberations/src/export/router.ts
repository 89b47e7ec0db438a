import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import {
  csvStringifier,
  formattedError,
  type FieldProblem,
  type Logger,
  type NodeCommune,
} from '@communes/kit';
import type { OrganizationKind } from '../organization.entity';
import { timeZoneOf } from '../time-zone';
import { ScdlConfigError, scdlCollectivity, type ScdlCollectivityOptions } from './collectivity';
import { decidedItems, type DecidedItemRow } from './decided-items';
import { parseExportPeriod, type ExportPeriod } from './period';
import { toScdlRecord } from './scdl-record';
import { SCDL_FIELDS } from './scdl-fields';

export interface ExportRouterOptions extends ScdlCollectivityOptions {
  db: DataSource;
  commune: NodeCommune;
  /** DELIB_URL of items with no PDF attached, e.g. `https://www.namur.be/deliberations/{id}`. */
  itemUrlTemplate?: string | undefined;
  /**
   * Bodies whose decisions are published. The council by default: SCDL lists the acts of the
   * deliberative assembly, and a Walloon college meets in closed session.
   */
  organizationKinds?: readonly OrganizationKind[];
  /** Rows read from the database at a time. */
  pageSize?: number;
  /** Where a failure after the answer began is logged (earlier ones go to the error mapping). */
  logger: Logger;
}

/** Where the node serves the export, under `/deliberations`. */
export const SCDL_EXPORT_PATH = '/export/scdl.csv';

/**
 * `GET /export/scdl.csv?from=YYYY-MM-DD&to=YYYY-MM-DD`: the commune's public decisions of the
 * period as SCDL « Délibérations » CSV, streamed. Bad settings fail here, when the node starts.
 */
export function createExportRouter(options: ExportRouterOptions): Router {
  const collectivity = scdlCollectivity(options.commune, options);
  const itemUrlTemplate = checkedTemplate(options.itemUrlTemplate);
  const organizationKinds = options.organizationKinds ?? ['COUNCIL'];
  const pageSize = options.pageSize ?? 500;
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new ScdlConfigError('pageSize', 'must be a whole number, 1 or more');
  const router = Router();

  router.get(SCDL_EXPORT_PATH, async (req: Request, res: Response, next: NextFunction) => {
    const period = parseExportPeriod(req.query as Record<string, unknown>);
    if (Array.isArray(period)) return badRequest(res, period);
    const siret = collectivity.siret;
    if (siret === null) return notConfigured(res, options.commune);
    const context = { collectivity: { ...collectivity, siret }, itemUrlTemplate };
    const rows = decidedItems(options.db, {
      period,
      timeZone: timeZoneOf(options.commune.code),
      organizationKinds,
      pageSize,
    })[Symbol.asyncIterator]();
    let first: IteratorResult<DecidedItemRow>;
    try {
      // The first page is read before the status is sent, so that a database failure is a 500.
      first = await rows.next();
    } catch (error: unknown) {
      return next(error);
    }
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${fileName(options.commune, period)}"`,
    );
    try {
      await pipeline(
        Readable.from(records(first, rows, (row) => toScdlRecord(row, context))),
        csvStringifier({ header: true, columns: [...SCDL_FIELDS] }),
        res,
      );
    } catch (error: unknown) {
      // A client that hangs up ends the pipeline too; that is no failure of the node.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE')
        options.logger.error({ err: error }, 'SCDL export cut off');
      // The status line is gone by now: a cut-off response is how the client learns of it.
      res.destroy();
    }
  });
  return router;
}

async function* records<T, U>(
  first: IteratorResult<T>,
  rest: AsyncIterator<T>,
  map: (row: T) => U,
): AsyncGenerator<U> {
  for (let next = first; !next.done; next = await rest.next()) yield map(next.value);
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

/** COLL_SIRET is required by SCDL: without the commune's identifier there is no valid file. */
function notConfigured(res: Response, commune: NodeCommune): void {
  const setting = commune.country === 'FR' ? 'siret' : 'enterpriseNumber';
  res.status(503).json({
    errors: [
      formattedError(
        'EXPORT_NOT_CONFIGURED',
        `The SCDL export needs the commune's ${commune.country === 'FR' ? 'SIRET' : 'KBO/BCE enterprise number'}, which this node is not configured with`,
        { setting },
      ),
    ],
  });
}

function fileName(commune: NodeCommune, period: ExportPeriod): string {
  return `deliberations-${commune.code}-${period.from}-${period.to}.csv`;
}

function checkedTemplate(template: string | undefined): string | undefined {
  if (template === undefined) return undefined;
  if (!/^https?:\/\/[^\s]+$/.test(template) || !template.includes('{id}'))
    throw new ScdlConfigError('itemUrlTemplate', 'must be an http(s) URL containing {id}');
  return template;
}
