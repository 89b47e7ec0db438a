/**
 * `<report-chart>`: one ECharts instance (SVG renderer, only the charts and components used),
 * drawn from an option; sets `data-marks` to the marks it drew, read back from the instance.
 */
import { LitElement, html } from 'lit';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { countMarks, type ChartOption } from './chart';

echarts.use([
  BarChart,
  LineChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export class ReportChart extends LitElement {
  static override properties = {
    option: { attribute: false },
    label: { type: String },
  };

  declare option: ChartOption | null;
  declare label: string;
  private chart: echarts.ECharts | null = null;
  private resizer = new ResizeObserver(() => this.chart?.resize());

  constructor() {
    super();
    this.option = null;
    this.label = '';
  }

  /** Light DOM: the page's stylesheet applies, and tests find the chart as users do. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    return html`<div class="chart-canvas" role="img" aria-label=${this.label}></div>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer.disconnect();
    this.chart?.dispose();
    this.chart = null;
  }

  protected override updated(): void {
    const target = this.querySelector<HTMLDivElement>('.chart-canvas');
    if (!target) return;
    this.chart ??= echarts.init(target, undefined, { renderer: 'svg' });
    if (!this.option) {
      this.chart.clear();
      this.dataset['marks'] = '0';
      return;
    }
    this.chart.setOption(this.option as echarts.EChartsCoreOption, { notMerge: true });
    const drawn = this.chart.getOption() as { series?: { data?: unknown[] }[] };
    this.dataset['marks'] = String(countMarks(drawn.series));
    this.dispatchEvent(new CustomEvent('chart-drawn', { bubbles: true }));
  }
}

customElements.define('report-chart', ReportChart);
