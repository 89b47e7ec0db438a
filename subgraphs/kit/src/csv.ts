// The one place that may write CSV (eslint.config.js refuses csv-stringify everywhere else).
// eslint-disable-next-line no-restricted-imports
import { stringify, type Options, type Stringifier } from 'csv-stringify';

/**
 * A cell a spreadsheet would run as a formula: one that starts, after any leading white
 * space, with `=`, `+`, `-` or `@`, or that starts with a tab or a carriage return (OWASP,
 * « CSV Injection »). Spreadsheets also read full-width `＝＋－＠` as formula characters.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/** A plain number (`-3`, `+2.5`): spreadsheets read it as the number it is, never as a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * A cell as every CSV the project writes holds it: one a spreadsheet would run as a formula
 * gets a leading single quote, which spreadsheets show as text (OWASP's advice). Plain
 * numbers are left alone, so that a numeric column stays numeric; every other cell, whatever
 * its column, is neutralised, since a column's content is not the writer's to trust.
 */
export function neutraliseFormula(cell: string): string {
  if (PLAIN_NUMBER.test(cell) || !FORMULA_START.test(cell)) return cell;
  return `'${cell}`;
}

/**
 * The one CSV writer of the project: csv-stringify with every string and number cell passed
 * through `neutraliseFormula`. Write CSV with this, never with csv-stringify directly.
 */
export function csvStringifier(options: Omit<Options, 'cast'>): Stringifier {
  return stringify({
    ...options,
    cast: {
      string: (value) => neutraliseFormula(value),
      number: (value) => neutraliseFormula(String(value)),
    },
  });
}
