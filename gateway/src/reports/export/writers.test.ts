import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '@communes/kit';
import { writeCsv, type CsvOptions } from './csv';
import { writeJson } from './json';
import { writeXlsx } from './xlsx';
import { cellText, SAMPLE_TABLE } from './sample-table';

async function written(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}

const csv = (options: CsvOptions) => written((out) => writeCsv(SAMPLE_TABLE, out, options));

/** The table's rows as text cells, formula cells neutralised as the CSV holds them. */
const expectedRows = (decimal: string) =>
  SAMPLE_TABLE.rows.map((row) => [
    ...row.dimensions.map((d) => neutraliseFormula(cellText(d))),
    ...row.measures.map((m) => cellText(m).replace('.', decimal)),
    String(row.stale),
  ]);

describe('report CSV', () => {
  it('is RFC 4180: a header of machine names, CRLF, no BOM, every row back as written', async () => {
    const bytes = await csv({ separator: 'comma', part: 'rows' });
    expect(bytes.subarray(0, 3).toString('hex')).not.toBe('efbbbf');
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('commune,topic,month,body,count,medianDays,stale');
    const records: string[][] = parse(text);
    expect(records[0]).toEqual([
      'commune',
      'topic',
      'month',
      'body',
      'count',
      'medianDays',
      'stale',
    ]);
    expect(records.slice(1)).toEqual(expectedRows('.'));
  });

  it('neutralises cells starting with =, +, - or @, and leaves numbers alone', async () => {
    const records: string[][] = parse(await csv({ separator: 'comma', part: 'rows' }));
    const topics = records.slice(1).map((r) => r[1]);
    expect(topics).toEqual([
      'Finances, budget "2026"',
      `'=HYPERLINK("http://evil.test","clic")`,
      `'+33 urbanisme`,
      `'-1+2`,
      `'@SUM(A1)\nligne 2`,
    ]);
    expect(records.slice(1).map((r) => r[4])).toEqual(['12', '3', '-4', '0', '7']);
    expect(records.slice(1).map((r) => r[5])).toEqual(['2.5', '', '-1.25', '0.1', '3']);
  });

  it('for spreadsheets in BE/FR locales: a UTF-8 BOM, semicolons and a decimal comma', async () => {
    const bytes = await csv({ separator: 'semicolon', part: 'rows' });
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('commune;topic;month;body;count;medianDays;stale');
    const records: string[][] = parse(text, { delimiter: ';' });
    expect(records.slice(1)).toEqual(expectedRows(','));
    expect(records[3]![5]).toBe('-1,25');
  });

  it('lists every commune of the read with its provenance, the missing one included', async () => {
    const records: string[][] = parse(await csv({ separator: 'comma', part: 'communes' }));
    expect(records).toEqual([
      ['commune', 'state', 'readAt', 'ageSeconds', 'error'],
      ['BE-92094', 'OK', '2026-03-01T03:00:00.000Z', '32400', ''],
      ['FR-59350', 'STALE', '2026-02-28T03:00:00.000Z', '118800', 'COMMUNE_UNAVAILABLE: timeout'],
      ['FR-62041', 'MISSING', '', '', `'=cmd|calc`],
    ]);
  });
});

describe('report XLSX', () => {
  it('holds the rows under the labels of the language, then the provenance', async () => {
    const bytes = await written((out) => writeXlsx(SAMPLE_TABLE, out, 'nl'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const [data, provenance] = workbook.worksheets;
    expect(data!.name).toBe('Gegevens');
    expect(provenance!.name).toBe('Herkomst');
    /** Every row's cells from the first column, an empty cell as null. */
    const values = (sheet: ExcelJS.Worksheet, width: number) =>
      sheet
        .getSheetValues()
        .slice(1)
        .map((row) => Array.from({ length: width }, (_, i) => (row as unknown[])[i + 1] ?? null));
    const rows = values(data!, SAMPLE_TABLE.columns.length + 1);
    expect(rows[0]).toEqual([
      'Gemeente',
      'Thema',
      'Maand',
      'Orgaan',
      'Aantal',
      'Mediaan (dagen)',
      'Verouderde gegevens',
    ]);
    expect(rows.slice(1)).toEqual(
      SAMPLE_TABLE.rows.map((r) => [...r.dimensions, ...r.measures, r.stale]),
    );
    expect(values(provenance!, 5)).toEqual([
      ['Gemeente', 'Toestand', 'Gelezen op', 'Leeftijd (seconden)', 'Fout'],
      ...SAMPLE_TABLE.communes.map((c) => [
        c.communeCode,
        c.state,
        c.readAt,
        c.ageSeconds,
        c.error,
      ]),
    ]);
    // A text cell, never a formula.
    expect(data!.getCell('B3').type).toBe(ExcelJS.ValueType.String);
  });
});

describe('report JSON', () => {
  it('is the GraphQL answer: report, asOf, columns, rows, communes, labels in the language', async () => {
    const answer = JSON.parse(
      (await written((out) => writeJson(SAMPLE_TABLE, out, 'en'))).toString('utf8'),
    );
    expect(Object.keys(answer)).toEqual(['report', 'asOf', 'columns', 'rows', 'communes']);
    expect(answer.report).toMatchObject({
      id: 'sample-decisions',
      title: 'Decisions',
      chart: 'STACKED_BARS',
      periodDimension: 'month',
    });
    expect(answer.asOf).toBe(SAMPLE_TABLE.asOf);
    expect(answer.columns.map((c: { label: string }) => c.label)).toEqual([
      'Commune',
      'Topic',
      'Month',
      'Body',
      'Count',
      'Median (days)',
    ]);
    expect(answer.rows).toEqual(SAMPLE_TABLE.rows);
    expect(answer.communes).toEqual(SAMPLE_TABLE.communes);
  });
});
