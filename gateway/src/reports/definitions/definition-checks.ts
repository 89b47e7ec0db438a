/** What every report definition's unit test checks, beside the mapping of its own sample. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { SCHEMA_DIR } from '@communes/schema';
import type { ReportDefinition } from '../definition';

const api = buildSchema(readFileSync(join(SCHEMA_DIR, 'api', 'api.graphql'), 'utf8'));

/**
 * The query is valid against the hub's API, declares no variable but `$communes` and
 * `$commune`, the first dimension is the commune, and the period names a MONTH dimension.
 */
export function checkDefinition(definition: ReportDefinition): void {
  const document = parse(definition.source.query);
  expect(validate(api, document).map((e) => e.message)).toEqual([]);
  const declared = document.definitions.flatMap((d) =>
    d.kind === 'OperationDefinition' ? (d.variableDefinitions ?? []) : [],
  );
  for (const variable of declared)
    expect(['communes', 'commune']).toContain(variable.variable.name.value);
  expect(definition.dimensions[0]).toMatchObject({ name: 'commune', type: 'COMMUNE' });
  if (definition.periodDimension) {
    expect(definition.dimensions.find((d) => d.name === definition.periodDimension)?.type).toBe(
      'MONTH',
    );
  }
  expect(definition.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  const names = [...definition.dimensions, ...definition.measures].map((c) => c.name);
  expect(new Set(names).size).toBe(names.length);
}

/** Every row holds exactly the definition's columns. */
export function expectColumns(definition: ReportDefinition, rows: Record<string, unknown>[]) {
  const names = [...definition.dimensions, ...definition.measures].map((c) => c.name).sort();
  for (const row of rows) expect(Object.keys(row).sort()).toEqual(names);
}
