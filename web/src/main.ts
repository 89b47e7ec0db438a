/**
 * The hub's web app: a header (navigation, language switch) over one page chosen by the path:
 * `/` the network overview, `/reports` and `/reports/<id>` the reports.
 */
import { LitElement, html } from 'lit';
import { LANGUAGES, currentLanguage, startI18n, switchLanguage, t, type Language } from './i18n';
import { navigate, pageHref } from './links';
import './network-overview';
import './styles.css';

const LANGUAGE_NAMES: Record<Language, string> = {
  fr: 'Français',
  nl: 'Nederlands',
  en: 'English',
};

class CommunesApp extends LitElement {
  static override properties = { path: { state: true }, language: { state: true } };

  declare path: string;
  declare language: Language;

  constructor() {
    super();
    this.path = location.pathname;
    this.language = currentLanguage();
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private readonly onPopState = () => {
    this.path = location.pathname;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  private async chooseLanguage(language: Language): Promise<void> {
    await switchLanguage(language);
    this.language = language;
    document.title = t('app.name');
    window.dispatchEvent(new Event('language-changed'));
  }

  override render() {
    const onReports = this.path.startsWith('/reports');
    // The reports page and ECharts are a chunk of their own: the overview does without them.
    if (onReports) void import('./reports-page');
    const overview = pageHref('/');
    const reports = pageHref('/reports');
    return html`
      <a class="skip" href="#main">${t('app.skip')}</a>
      <header class="site-header">
        <a class="brand" href=${overview} @click=${(e: MouseEvent) => navigate(e, overview)}
          >${t('app.name')}</a
        >
        <nav aria-label=${t('app.name')}>
          <a
            href=${overview}
            aria-current=${onReports ? 'false' : 'page'}
            @click=${(e: MouseEvent) => navigate(e, overview)}
            >${t('app.nav.overview')}</a
          >
          <a
            href=${reports}
            aria-current=${onReports ? 'page' : 'false'}
            @click=${(e: MouseEvent) => navigate(e, reports)}
            >${t('app.nav.reports')}</a
          >
          <a href="/graphql">${t('app.nav.api')}</a>
        </nav>
        <label class="language"
          >${t('app.language')}
          <select
            name="lang"
            @change=${(e: Event) =>
              void this.chooseLanguage((e.target as HTMLSelectElement).value as Language)}
          >
            ${LANGUAGES.map(
              (lang) =>
                html`<option value=${lang} lang=${lang} ?selected=${lang === this.language}>
                  ${LANGUAGE_NAMES[lang]}
                </option>`,
            )}
          </select></label
        >
      </header>
      <main id="main">
        ${onReports ? html`<reports-page></reports-page>` : html`<network-overview></network-overview>`}
      </main>
    `;
  }
}

customElements.define('communes-app', CommunesApp);

void startI18n().then(() => {
  document.title = t('app.name');
  document.body.append(document.createElement('communes-app'));
});
