/**
 * `<reports-page>`: the list of reports; for the chosen one, its chart, the same numbers as an
 * accessible table, filters, downloads, the as-of date and each commune's provenance.
 */
import { LitElement, html, nothing } from 'lit';
import {
  loadDimensionValues,
  loadReportTable,
  loadReports,
  loadTrend,
  type CommuneSummary,
  type ReportColumn,
  type ReportDefinition,
  type ReportRead,
  type ReportTable,
  type TrendPoint,
} from './api';
import { chartGroupBy, chartOption, trendOption } from './chart';
import { formatAge, formatInstant, formatNumber } from './format';
import { currentLanguage, t } from './i18n';
import { navigate, pageHref } from './links';
import {
  exportHref,
  filtersFrom,
  pageSearch,
  readOf,
  reportIdFrom,
  type ExportFormat,
  type ReportFilters,
} from './report-query';
import './report-chart';

/** `2026-03-31`: the reader's calendar day of an instant. */
function localDate(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A dimension gets a select when it takes at most this many values. */
const SMALL_DIMENSION = 40;

interface Loaded {
  read: ReportRead;
  table: ReportTable;
  values: Record<string, string[]>;
  trend: TrendPoint[];
}

export class ReportsPage extends LitElement {
  static override properties = {
    reports: { state: true },
    communes: { state: true },
    reportId: { state: true },
    filters: { state: true },
    loaded: { state: true },
    loading: { state: true },
    error: { state: true },
  };

  declare reports: ReportDefinition[] | null;
  declare communes: CommuneSummary[];
  declare reportId: string | null;
  declare filters: ReportFilters;
  declare loaded: Loaded | null;
  declare loading: boolean;
  declare error: string | null;
  private inFlight: AbortController | null = null;

  constructor() {
    super();
    this.reports = null;
    this.communes = [];
    this.reportId = reportIdFrom(location.pathname, location.search);
    this.filters = filtersFrom(location.search);
    this.loaded = null;
    this.loading = true;
    this.error = null;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private readonly onPopState = () => {
    this.reportId = reportIdFrom(location.pathname, location.search);
    this.filters = filtersFrom(location.search);
    void this.loadReport();
  };

  private readonly onLanguage = () => void this.loadAll();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener('language-changed', this.onLanguage);
    void this.loadAll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('language-changed', this.onLanguage);
    this.inFlight?.abort();
  }

  private get report(): ReportDefinition | null {
    return this.reports?.find((r) => r.id === this.reportId) ?? null;
  }

  /** The list (titles in the page's language) and the registry's communes, then the report. */
  private async loadAll(): Promise<void> {
    try {
      const { reports, communes } = await loadReports(currentLanguage());
      this.reports = reports;
      this.communes = communes;
      if (!this.report && reports.length) this.reportId = reports[0]!.id;
      await this.loadReport();
    } catch (error) {
      this.error = (error as Error).message;
      this.loading = false;
    }
  }

  private async loadReport(): Promise<void> {
    const report = this.report;
    this.inFlight?.abort();
    if (!report) {
      this.loaded = null;
      this.loading = false;
      return;
    }
    const controller = (this.inFlight = new AbortController());
    this.loading = true;
    this.error = null;
    const read = readOf(report, this.filters, chartGroupBy(report));
    const measure = this.measureOf(report);
    try {
      const [table, values, trend] = await Promise.all([
        loadReportTable(report.id, read, currentLanguage(), controller.signal),
        loadDimensionValues(report.id, this.filterDimensions(report), read, controller.signal),
        measure
          ? loadTrend(report.id, measure.name, { ...read, groupBy: null }, controller.signal)
          : Promise.resolve([]),
      ]);
      if (controller.signal.aborted) return;
      // Downloads read as of the instant shown, so a run finishing meanwhile changes neither.
      this.loaded = { read: { ...read, asOf: table.asOf }, table, values, trend };
    } catch (error) {
      if (controller.signal.aborted) return;
      this.error = (error as Error).message;
      this.loaded = null;
    }
    this.loading = false;
  }

  private measureOf(report: ReportDefinition): ReportColumn | undefined {
    const measures = report.columns.filter((c) => c.role === 'MEASURE');
    return measures.find((c) => c.name === this.filters.measure) ?? measures[0];
  }

  /** Dimensions other than the commune and the period: filtered with a select each. */
  private filterDimensions(report: ReportDefinition): string[] {
    return report.columns
      .filter((c, i) => c.role === 'DIMENSION' && i > 0 && c.name !== report.periodDimension)
      .map((c) => c.name);
  }

  private setFilters(filters: ReportFilters): void {
    this.filters = filters;
    const path = `/reports/${encodeURIComponent(this.reportId ?? '')}`;
    const lang = new URLSearchParams(location.search).get('lang');
    history.replaceState(null, '', path + pageSearch(filters, lang));
    void this.loadReport();
  }

  private communeName(code: string | null): string {
    if (code === null) return '—';
    return this.communes.find((c) => c.code === code)?.name ?? code;
  }

  private readonly label = (column: ReportColumn, value: string | null): string =>
    column.type === 'COMMUNE' ? this.communeName(value) : (value ?? '—');

  override render() {
    return html`
      <h1>${t('reports.title')}</h1>
      ${
        this.error
          ? html`<p class="error" role="alert">${t('app.error', { message: this.error })}</p>`
          : nothing
      }
      ${
        this.reports === null
          ? html`<p aria-live="polite">${t('app.loading')}</p>`
          : this.reports.length === 0
            ? html`<p>${t('reports.none')}</p>`
            : html`<div class="reports-layout">
                ${this.renderList()}
                <div class="report" aria-busy=${this.loading ? 'true' : 'false'}>
                  ${this.report ? this.renderReport(this.report) : nothing}
                </div>
              </div>`
      }
    `;
  }

  private renderList() {
    return html`<nav class="report-list" aria-label=${t('reports.choose')}>
      <ul>
        ${this.reports!.map((r) => {
          const href = pageHref(`/reports/${encodeURIComponent(r.id)}`);
          return html`<li>
            <a
              href=${href}
              aria-current=${r.id === this.reportId ? 'page' : 'false'}
              @click=${(e: MouseEvent) => navigate(e, href)}
              >${r.title}</a
            >
          </li>`;
        })}
      </ul>
    </nav>`;
  }

  private renderReport(report: ReportDefinition) {
    const loaded = this.loaded;
    return html`
      <h2>${report.title}</h2>
      <p class="description">${report.description}</p>
      <p class="meta">
        ${
          loaded
            ? html`<strong class="as-of" data-as-of=${loaded.table.asOf}
                >${t('reports.asOf', { date: formatInstant(loaded.table.asOf) })}</strong
              >`
            : nothing
        }
        <span>${t('reports.sources', { sources: report.sources.join(', ') })}</span>
        <span>${t('reports.schedule', { schedule: report.schedule })}</span>
      </p>
      ${this.renderFilters(report)}
      ${loaded ? this.renderFigure(report, loaded) : html`<p>${t('app.loading')}</p>`}
      ${loaded ? this.renderDownloads(report, loaded) : nothing}
      ${loaded ? this.renderProvenance(loaded.table) : nothing}
      ${loaded ? this.renderTrend(report, loaded.trend) : nothing}
    `;
  }

  private renderFilters(report: ReportDefinition) {
    const f = this.filters;
    const measures = report.columns.filter((c) => c.role === 'MEASURE');
    const values = this.loaded?.values ?? {};
    const toggleCommune = (code: string, checked: boolean) => {
      const chosen = new Set(f.communes);
      if (checked) chosen.add(code);
      else chosen.delete(code);
      this.setFilters({
        ...f,
        communes: this.communes.map((c) => c.code).filter((c) => chosen.has(c)),
      });
    };
    return html`<form
      class="filters"
      aria-label=${t('reports.filters')}
      @submit=${(e: Event) => e.preventDefault()}
    >
      <fieldset class="communes">
        <legend>${t('reports.communes')}</legend>
        <p class="hint">${f.communes.length === 0 ? t('reports.allCommunes') : nothing}</p>
        ${this.communes.map(
          (c) =>
            html`<label
              ><input
                type="checkbox"
                name="communes"
                value=${c.code}
                .checked=${f.communes.includes(c.code)}
                @change=${(e: Event) => toggleCommune(c.code, (e.target as HTMLInputElement).checked)}
              />
              ${c.name} <small>${c.code}</small></label
            >`,
        )}
      </fieldset>
      ${
        report.periodDimension
          ? html`<fieldset class="period">
              <legend>
                ${report.columns.find((c) => c.name === report.periodDimension)?.label}
              </legend>
              <label
                >${t('reports.from')}
                <input
                  type="month"
                  name="from"
                  .value=${f.from ?? ''}
                  @change=${(e: Event) =>
                    this.setFilters({ ...f, from: (e.target as HTMLInputElement).value || null })}
              /></label>
              <label
                >${t('reports.to')}
                <input
                  type="month"
                  name="to"
                  .value=${f.to ?? ''}
                  @change=${(e: Event) =>
                    this.setFilters({ ...f, to: (e.target as HTMLInputElement).value || null })}
              /></label>
            </fieldset>`
          : nothing
      }
      <label class="as-of-input"
        >${t('reports.asOfInput')}
        <input
          type="date"
          name="asOf"
          .value=${f.asOf ? localDate(f.asOf) : ''}
          @change=${(e: Event) => {
            const day = (e.target as HTMLInputElement).value;
            // The end of the chosen day where the reader is: what had been read by then.
            const asOf = day ? new Date(`${day}T23:59:59.999`).toISOString() : null;
            this.setFilters({ ...f, asOf });
          }}
      /></label>
      ${this.filterDimensions(report).map((name) => {
        const column = report.columns.find((c) => c.name === name)!;
        const options = values[name] ?? [];
        const chosen = f.where[name];
        if (options.length > SMALL_DIMENSION && !chosen) return nothing;
        if (chosen && !options.includes(chosen)) options.push(chosen);
        return html`<label class="dimension"
          >${column.label}
          <select
            name=${`where-${name}`}
            @change=${(e: Event) => {
              const value = (e.target as HTMLSelectElement).value;
              const where = { ...f.where };
              if (value) where[name] = value;
              else delete where[name];
              this.setFilters({ ...f, where });
            }}
          >
            <option value="" ?selected=${!chosen}>${t('reports.all')}</option>
            ${options.map(
              (v) =>
                html`<option value=${v} ?selected=${v === chosen}>
                  ${this.label(column, v)}
                </option>`,
            )}
          </select></label
        >`;
      })}
      ${
        measures.length > 1
          ? html`<label class="measure"
              >${t('reports.measure')}
              <select
                name="measure"
                @change=${(e: Event) =>
                  this.setFilters({ ...f, measure: (e.target as HTMLSelectElement).value })}
              >
                ${measures.map(
                  (m) =>
                    html`<option
                      value=${m.name}
                      ?selected=${m.name === this.measureOf(report)?.name}
                    >
                      ${m.label}
                    </option>`,
                )}
              </select></label
            >`
          : nothing
      }
    </form>`;
  }

  private renderFigure(report: ReportDefinition, loaded: Loaded) {
    const { table } = loaded;
    const measure = this.measureOf(report)?.name ?? '';
    const option = chartOption({ kind: report.chart, table, measure, label: this.label });
    const dimensions = table.columns.filter((c) => c.role === 'DIMENSION');
    const measures = table.columns.filter((c) => c.role === 'MEASURE');
    const caption = t('reports.tableCaption', {
      title: report.title,
      date: formatInstant(table.asOf),
    });
    const anyStale = table.rows.some((r) => r.stale);
    return html`<figure class="report-figure" data-report=${report.id} data-chart=${report.chart}>
      <report-chart
        class="report-chart"
        .option=${table.rows.length ? option : null}
        label=${t('reports.chartLabel', { title: report.title })}
      ></report-chart>
      <div class="table-wrap">
        <table class="report-table" data-rows=${table.rows.length}>
          <caption>
            ${caption}
          </caption>
          <thead>
            <tr>
              ${dimensions.map((c) => html`<th scope="col">${c.label}</th>`)}
              ${measures.map((c) => html`<th scope="col" class="num">${c.label}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${table.rows.map(
              (row) =>
                html`<tr
                  class=${row.stale ? 'stale' : ''}
                  data-stale=${row.stale ? 'true' : 'false'}
                >
                  ${dimensions.map((c, i) =>
                    i === 0
                      ? html`<th scope="row">
                          ${this.label(c, row.dimensions[i] ?? null)}
                          ${row.stale ? html` <span class="badge stale">${t('reports.stale')}</span>` : nothing}
                        </th>`
                      : html`<td>${this.label(c, row.dimensions[i] ?? null)}</td>`,
                  )}
                  ${measures.map((_, i) => html`<td class="num">${formatNumber(row.measures[i] ?? null)}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>
        ${table.rows.length === 0 ? html`<p>${t('reports.noRows')}</p>` : nothing}
      </div>
      ${anyStale ? html`<figcaption class="stale-note">${t('reports.staleNote')}</figcaption>` : nothing}
    </figure>`;
  }

  private renderDownloads(report: ReportDefinition, loaded: Loaded) {
    const formats: [ExportFormat, string][] = [
      ['csv', t('reports.csv')],
      ['csv-semicolon', t('reports.csvSemicolon')],
      ['xlsx', t('reports.xlsx')],
      ['json', t('reports.json')],
    ];
    return html`<section class="downloads" aria-labelledby="downloads-title">
      <h3 id="downloads-title">${t('reports.downloads')}</h3>
      <ul>
        ${formats.map(
          ([format, name]) =>
            html`<li>
              <a
                class="button"
                data-format=${format}
                href=${exportHref(report.id, loaded.read, format, currentLanguage())}
                download
                >${name}</a
              >
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderProvenance(table: ReportTable) {
    return html`<section class="provenance" aria-labelledby="provenance-title">
      <h3 id="provenance-title">${t('reports.provenance')}</h3>
      <table>
        <caption>
          ${t('reports.provenanceCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('overview.commune')}</th>
            <th scope="col">${t('reports.state')}</th>
            <th scope="col">${t('reports.readAt')}</th>
            <th scope="col">${t('reports.age')}</th>
            <th scope="col">${t('reports.reason')}</th>
          </tr>
        </thead>
        <tbody>
          ${table.communes.map(
            (p) =>
              html`<tr data-commune=${p.communeCode} data-state=${p.state}>
                <th scope="row">
                  ${this.communeName(p.communeCode)} <small>${p.communeCode}</small>
                </th>
                <td>
                  <span class=${`badge ${p.state.toLowerCase()}`}
                    >${t(`provenance.${p.state}`, { age: formatAge(p.ageSeconds) })}</span
                  >
                </td>
                <td>${formatInstant(p.readAt)}</td>
                <td>${formatAge(p.ageSeconds)}</td>
                <td>${p.error ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  private renderTrend(report: ReportDefinition, points: TrendPoint[]) {
    const measure = this.measureOf(report);
    if (!measure) return nothing;
    return html`<section class="trend" aria-labelledby="trend-title">
      <h3 id="trend-title">${t('reports.trend')}</h3>
      ${
        points.length === 0
          ? html`<p>${t('reports.noTrend')}</p>`
          : html`<figure class="trend-figure">
              <report-chart
                class="trend-chart"
                .option=${trendOption(points, measure.label, (iso) => formatInstant(iso, true))}
                label=${t('reports.trendCaption', { measure: measure.label })}
              ></report-chart>
              <table class="trend-table" data-rows=${points.length}>
                <caption>
                  ${t('reports.trendCaption', { measure: measure.label })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t('reports.trendAsOf')}</th>
                    <th scope="col" class="num">${t('reports.trendValue')}</th>
                    <th scope="col" class="num">${t('reports.trendCommunes')}</th>
                    <th scope="col" class="num">${t('reports.trendStale')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${points.map(
                    (p) =>
                      html`<tr>
                        <th scope="row">${formatInstant(p.asOf, true)}</th>
                        <td class="num">${formatNumber(p.value)}</td>
                        <td class="num">${p.communes}</td>
                        <td class="num">${p.staleCommunes}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </figure>`
      }
    </section>`;
  }
}

customElements.define('reports-page', ReportsPage);
