// One ECharts chart, tree-shaken: only bar and line series and the components the dashboard
// uses are registered. The SVG renderer keeps labels as real text (crisp when printed, readable
// by browser tests); a click on a data item calls `onItemClick` with its series and index.
import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECElementEvent, type EChartsType, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

interface ItemClick {
  seriesIndex: number;
  dataIndex: number;
}

interface Props {
  option: ChartOption;
  height: number;
  testId: string;
  /** Read aloud by screen readers: what the chart shows, in words. */
  label: string;
  onItemClick?: (e: ItemClick) => void;
}

export function EChart({ option, height, testId, label, onItemClick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    if (!ref.current) return;
    const c = init(ref.current, null, { renderer: 'svg', locale: 'ZH' });
    chart.current = c;
    c.on('click', (e: ECElementEvent) => {
      if (e.componentType === 'series' && typeof e.seriesIndex === 'number')
        click.current?.({ seriesIndex: e.seriesIndex, dataIndex: e.dataIndex });
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ height, width: '100%', cursor: onItemClick ? 'pointer' : undefined }}
    />
  );
}
