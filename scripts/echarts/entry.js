// The ECharts build this app loads: only the charts and components it draws, exposed as the
// global `echarts` that charming's bindings expect. Built by scripts/echarts/build.mjs.
import * as echarts from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import { GridSimpleComponent, LegendComponent, AriaComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridSimpleComponent, LegendComponent, AriaComponent, CanvasRenderer]);
globalThis.echarts = echarts;
