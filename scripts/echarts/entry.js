// The ECharts build this app loads: only the charts and components it draws, exposed as the
// global `echarts` that charming's bindings expect. Built by scripts/echarts/build.mjs.
// The plain legend, not the scrolling one: the charts have two to six series (2 KB gzip less).
// The tooltip shows a point's period, kind and value, drawn as text on the canvas (richText).
import * as echarts from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import { GridSimpleComponent, LegendPlainComponent, AriaComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridSimpleComponent, LegendPlainComponent, AriaComponent, TooltipComponent, CanvasRenderer]);
globalThis.echarts = echarts;
