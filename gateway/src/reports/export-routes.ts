import express, { type Response, type Router } from 'express';
import {
  BadUserInput,
  DomainError,
  createLogger,
  formattedError,
  type FieldProblem,
  type Logger,
} from '@communes/kit';
import type { ReportDefinition } from './definition';
import { REPORT_DEFINITIONS } from './definitions';
import type { ReportReadInput, ReportTable } from './table';
import { parseExportQuery, type ExportFormat, type ExportRequest } from './export/export-query';
import { writeCsv } from './export/csv';
import { writeJson } from './export/json';
import { writeXlsx } from './export/xlsx';

const FORMATS: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** Where each stale or missing commune of the read is named, for a CSV of the rows alone. */
const STALE_HEADER = 'X-Report-Communes-Stale';
const MISSING_HEADER = 'X-Report-Communes-Missing';

/**
 * `GET /reports/:id/export.csv|.xlsx|.json`: a report read (as the GraphQL `report` field reads
 * it, through `read`) written as a file, streamed. Query parameters in `parseExportQuery`; a bad
 * one is a 400 naming it, an unknown report a 404, both as GraphQL-style error bodies. Every
 * answer says which communes are stale or missing in `X-Report-Communes-Stale` and
 * `X-Report-Communes-Missing` (comma-separated codes), and the instant read in `X-Report-As-Of`.
 */
export function reportExportRoutes(
  read: (id: string, input: ReportReadInput) => Promise<ReportTable>,
  options: {
    /** The reports served: every definition unless a test narrows them. */
    reports?: readonly ReportDefinition[];
    /** Where an export cut off after its answer began is logged. */
    logger?: Logger;
  } = {},
): Router {
  const reports = options.reports ?? REPORT_DEFINITIONS;
  const logger = options.logger ?? createLogger({ name: 'report-export' });
  const router = express.Router();
  router.get('/reports/:id/export.:format', async (req, res, next) => {
    const id = String(req.params['id']);
    const format = String(req.params['format']);
    const report = reports.find((r) => r.id === id);
    if (!report || !isFormat(format)) {
      res.status(404).json({
        errors: [
          formattedError(
            'NOT_FOUND',
            report ? `no export format ${format} (csv, xlsx, json)` : `report ${id} does not exist`,
            { id },
          ),
        ],
      });
      return;
    }
    const request = parseExportQuery(req.query as Record<string, unknown>, report, format);
    if (Array.isArray(request)) return badRequest(res, request);
    let table: ReportTable;
    try {
      table = await read(id, request.read);
    } catch (error: unknown) {
      // The read names its argument (`read.groupBy`); the export names its query parameter.
      if (error instanceof BadUserInput)
        return badRequest(
          res,
          error.problems.map((p) => ({ ...p, field: p.field.replace(/^read\./, '') })),
        );
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        res.status(404).json({
          errors: [formattedError('NOT_FOUND', error.message, error.details)],
        });
        return;
      }
      return next(error);
    }
    res.status(200);
    res.setHeader('Content-Type', FORMATS[format]);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${fileName(table, format, request)}"`,
    );
    res.setHeader('X-Report-As-Of', table.asOf);
    res.setHeader(STALE_HEADER, codesIn(table, 'STALE'));
    res.setHeader(MISSING_HEADER, codesIn(table, 'MISSING'));
    try {
      if (format === 'csv') await writeCsv(table, res, request);
      else if (format === 'xlsx') await writeXlsx(table, res, request.language);
      else await writeJson(table, res, request.language);
    } catch (error: unknown) {
      // A client that hangs up ends the writing too; that is no failure of the hub.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE')
        logger.error({ err: error }, 'report export cut off');
      // The status line is gone: a cut-off response is how the client learns of it.
      res.destroy();
    }
  });
  return router;
}

function isFormat(format: string): format is ExportFormat {
  return Object.hasOwn(FORMATS, format);
}

/** `decisions-by-topic-2026-03-01.csv`; the provenance CSV is `…-communes.csv`. */
function fileName(table: ReportTable, format: ExportFormat, request: ExportRequest): string {
  const part = format === 'csv' && request.part === 'communes' ? '-communes' : '';
  return `${table.report.id}-${table.asOf.slice(0, 10)}${part}.${format}`;
}

function codesIn(table: ReportTable, state: 'STALE' | 'MISSING'): string {
  return table.communes
    .filter((c) => c.state === state)
    .map((c) => c.communeCode)
    .join(',');
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
