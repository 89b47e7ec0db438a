/** `<network-overview>`: the member communes, the health of each of their services, the reports. */
import { LitElement, html, nothing } from 'lit';
import {
  loadNetwork,
  loadNotices,
  type CommuneHealth,
  type Notice,
  type ReportDefinition,
} from './api';
import { formatInstant } from './format';
import { currentLanguage, t } from './i18n';
import { navigate, pageHref } from './links';

type ReportSummary = Pick<ReportDefinition, 'id' | 'title' | 'description'>;

export class NetworkOverview extends LitElement {
  static override properties = {
    communes: { state: true },
    reports: { state: true },
    notices: { state: true },
    error: { state: true },
  };

  declare communes: CommuneHealth[] | null;
  declare reports: ReportSummary[];
  declare notices: Notice[];
  declare error: string | null;

  constructor() {
    super();
    this.communes = null;
    this.reports = [];
    this.notices = [];
    this.error = null;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private readonly onLanguage = () => void this.load();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('language-changed', this.onLanguage);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('language-changed', this.onLanguage);
  }

  private async load(): Promise<void> {
    try {
      const [{ communes, reports }, notices] = await Promise.all([
        loadNetwork(currentLanguage()),
        loadNotices().catch(() => []),
      ]);
      this.notices = notices;
      this.communes = communes;
      this.reports = reports;
      this.error = null;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  override render() {
    return html`
      <h1>${t('overview.title')}</h1>
      <p class="intro">${t('overview.intro')}</p>
      ${this.notices.map(
        (notice) => html`<aside class="notice" role="note">${notice[currentLanguage()]}</aside>`,
      )}
      ${
        this.error
          ? html`<p class="error" role="alert">${t('app.error', { message: this.error })}</p>`
          : nothing
      }
      <section aria-labelledby="communes-title">
        <h2 id="communes-title">${t('overview.communes')}</h2>
        ${
          this.communes === null
            ? html`<p aria-live="polite">${t('app.loading')}</p>`
            : this.communes.length === 0
              ? html`<p>${t('overview.noCommunes')}</p>`
              : this.renderCommunes(this.communes)
        }
      </section>
      <section aria-labelledby="reports-title">
        <h2 id="reports-title">${t('overview.reports')}</h2>
        <p>${t('overview.reportsIntro')}</p>
        <ul class="report-cards">
          ${this.reports.map((r) => {
            const href = pageHref(`/reports/${encodeURIComponent(r.id)}`);
            return html`<li>
              <a href=${href} @click=${(e: MouseEvent) => navigate(e, href)}>${r.title}</a>
              <p>${r.description}</p>
            </li>`;
          })}
        </ul>
        <p>${t('overview.api')} <a href="/graphql">/graphql</a></p>
      </section>
    `;
  }

  private renderCommunes(communes: CommuneHealth[]) {
    return html`<table class="network-table" data-rows=${communes.length}>
      <caption>
        ${t('overview.caption', { count: communes.length })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('overview.commune')}</th>
          <th scope="col">${t('overview.code')}</th>
          <th scope="col">${t('overview.status')}</th>
          <th scope="col">${t('overview.services')}</th>
        </tr>
      </thead>
      <tbody>
        ${communes.map(
          (c) =>
            html`<tr data-commune=${c.code}>
              <th scope="row">${c.name}</th>
              <td>${c.code}</td>
              <td>
                <span class=${`badge ${c.status.toLowerCase()}`}>${t(`status.${c.status}`)}</span>
              </td>
              <td>
                <ul class="health">
                  ${c.health.map(
                    (h) =>
                      html`<li data-subgraph=${h.subgraph} data-status=${h.status}>
                        <span class=${`badge ${h.status.toLowerCase()}`}
                          >${h.subgraph}: ${t(`status.${h.status}`)}</span
                        >
                        ${h.latencyMs !== null ? html`<span>${t('overview.latency', { ms: h.latencyMs })}</span>` : nothing}
                        <span class=${`circuit ${h.circuit.state.toLowerCase()}`}
                          >${t('overview.circuit', { state: t(`status.${h.circuit.state}`) })}</span
                        >
                        ${h.checkedAt ? html`<time datetime=${h.checkedAt}>${formatInstant(h.checkedAt)}</time>` : nothing}
                      </li>`,
                  )}
                </ul>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

customElements.define('network-overview', NetworkOverview);
