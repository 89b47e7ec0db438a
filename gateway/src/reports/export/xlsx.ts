import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ReportLanguage } from '../definition';
import type { ReportTable } from '../table';
import { PROVENANCE_COLUMNS, SHEET_NAMES, STALE_COLUMN } from './labels';

/**
 * Writes a read as an XLSX workbook, streamed (exceljs's WorkbookWriter commits each row as it
 * is added). Two sheets, for a person with a spreadsheet: the rows, headed by the columns'
 * labels in `language`, measures as numbers and `stale` as a boolean; then the provenance, one
 * row per commune (state, when read, age in seconds, error). Text is written as text cells, never
 * as formulas, so a value starting with `=` stays a value.
 */
export async function writeXlsx(
  table: ReportTable,
  out: Writable,
  language: ReportLanguage,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.created = new Date(table.asOf);
  workbook.title = table.report.title[language];

  const data = workbook.addWorksheet(SHEET_NAMES.data[language], {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  data.columns = [
    ...table.columns.map((c) => ({ header: c.label[language], key: c.name, width: 18 })),
    { header: STALE_COLUMN.label[language], key: STALE_COLUMN.name, width: 12 },
  ];
  data.getRow(1).font = { bold: true };
  for (const [i, row] of table.rows.entries()) {
    data.addRow([...row.dimensions, ...row.measures, row.stale]).commit();
    // Leaves the event loop a turn now and then, so that the response can drain.
    if (i % 256 === 255) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  data.commit();

  const provenance = workbook.addWorksheet(SHEET_NAMES.provenance[language], {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  provenance.columns = PROVENANCE_COLUMNS.map((c) => ({
    header: c.label[language],
    key: c.name,
    width: c.name === 'error' ? 60 : 22,
  }));
  provenance.getRow(1).font = { bold: true };
  for (const commune of table.communes)
    provenance
      .addRow([
        commune.communeCode,
        commune.state,
        commune.readAt,
        commune.ageSeconds,
        commune.error,
      ])
      .commit();
  provenance.commit();
  await workbook.commit();
}
