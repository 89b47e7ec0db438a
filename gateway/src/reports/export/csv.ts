import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvStringifier } from '@communes/kit';
import type { ReportTable } from '../table';
import type { CsvPart, CsvSeparator } from './export-query';
import { PROVENANCE_COLUMNS, STALE_COLUMN } from './labels';

export interface CsvOptions {
  separator: CsvSeparator;
  part: CsvPart;
}

/**
 * Writes a read as CSV, row by row, through the kit's one CSV writer (cells a spreadsheet would
 * run as formulas are neutralised). The header row holds the columns' machine names (`commune`,
 * `topic`, `count`), the same in every language, so that a program's reading of the file does
 * not depend on who downloaded it; the labels are in the JSON and XLSX exports.
 *
 * - `comma`: RFC 4180 (CRLF line ends, no BOM), numbers with a decimal point: for programs.
 * - `semicolon`: a UTF-8 BOM, `;` between cells and a decimal comma (`2,5`), which is what
 *   spreadsheet software set to a Belgian or French locale reads as text encoding and numbers
 *   when the file is opened directly.
 *
 * `part=rows` (the default): the table's columns then `stale` (`true` when a commune behind the
 * row is stale). `part=communes`: the provenance, one line per commune of the read (state, when
 * read, age in seconds, error), which is where a MISSING commune, with no rows, shows.
 */
export async function writeCsv(
  table: ReportTable,
  out: Writable,
  options: CsvOptions,
): Promise<void> {
  const semicolon = options.separator === 'semicolon';
  const number = (value: number | null): string =>
    value === null ? '' : semicolon ? String(value).replace('.', ',') : String(value);
  await pipeline(
    Readable.from(options.part === 'rows' ? rowRecords(table, number) : communeRecords(table)),
    csvStringifier({
      delimiter: semicolon ? ';' : ',',
      bom: semicolon,
      record_delimiter: 'windows',
    }),
    out,
  );
}

function* rowRecords(table: ReportTable, number: (value: number | null) => string) {
  yield [...table.columns.map((c) => c.name), STALE_COLUMN.name];
  for (const row of table.rows)
    yield [
      ...row.dimensions.map((value) => value ?? ''),
      ...row.measures.map(number),
      String(row.stale),
    ];
}

function* communeRecords(table: ReportTable) {
  yield PROVENANCE_COLUMNS.map((c) => c.name);
  for (const commune of table.communes)
    yield [
      commune.communeCode,
      commune.state,
      commune.readAt ?? '',
      commune.ageSeconds === null ? '' : String(commune.ageSeconds),
      commune.error ?? '',
    ];
}
