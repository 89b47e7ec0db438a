export { createExportRouter, SCDL_EXPORT_PATH, type ExportRouterOptions } from './router';
export { ScdlConfigError, kboAsSiret, type ScdlCollectivityOptions } from './collectivity';
export { EXPORTED_STATES } from './decided-items';
export { MAX_PERIOD_YEARS, parseExportPeriod, type ExportPeriod } from './period';
export { SCDL_FIELDS, type ScdlField, type ScdlRecord } from './scdl-fields';
