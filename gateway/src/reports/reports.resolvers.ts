import type { ReportLanguage } from './definition';
import type { Resolvers } from './generated/graphql';
import type { ReportsService } from './reports.service';

const language = (requested: ReportLanguage | null | undefined): ReportLanguage =>
  requested ?? 'fr';

/** Thin: arguments in, service call, shape out. The logic lives in reports.service.ts. */
export function reportsResolvers(service: ReportsService): Resolvers {
  return {
    Query: {
      reports: () => [...service.definitions],
      report: (_root, { id, read }) => service.read(id, read),
      reportTrend: (_root, { id, measure, read }) => service.trend(id, measure, read),
      reportRuns: (_root, { reportId, first }) => service.runs(reportId, first),
    },
    Mutation: {
      runReport: (_root, { id }, ctx) => service.requestRun(ctx.identity, id),
    },
    ReportDefinition: {
      title: (report, args) => report.title[language(args.language)],
      description: (report, args) => report.description[language(args.language)],
      columns: (report) => [
        ...report.dimensions.map((d) => ({ ...d, role: 'DIMENSION' as const, aggregate: null })),
        ...report.measures.map((m) => ({ ...m, role: 'MEASURE' as const })),
      ],
      periodDimension: (report) => report.periodDimension ?? null,
      sources: (report) => report.sources,
      schedule: () => service.schedule,
    },
    ReportColumn: {
      label: (column, args) => column.label[language(args.language)],
    },
    ReportRun: {
      startedAt: (run) => run.startedAt.toISOString(),
      finishedAt: (run) => run.finishedAt?.toISOString() ?? null,
    },
  };
}
