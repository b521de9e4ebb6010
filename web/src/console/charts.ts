import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the dashboard draws; this module is loaded with the dashboard route alone.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** Draws (or redraws) a chart into an element; the numbers are the API's, never recomputed here. */
export function drawChart(element: HTMLElement, option: ChartOption): void {
  const chart = echarts.getInstanceByDom(element) ?? echarts.init(element, undefined, { renderer: 'canvas' });
  // No animation: figures appear as they are (people who asked for reduced motion, and screenshots).
  chart.setOption({ animation: false, ...option }, true);
}
