import type { ReportDefinition } from '../definition';

/** Every report the hub runs and serves, in id order. Adding one: its file, a line here, a test. */
export const REPORT_DEFINITIONS: readonly ReportDefinition[] = [].sort(
  (a: ReportDefinition, b: ReportDefinition) => a.id.localeCompare(b.id),
);
