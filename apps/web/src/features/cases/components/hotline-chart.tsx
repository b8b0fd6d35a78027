import { TIERS } from '@gongzhi/domain';
import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use as registerChartParts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { HotlineFigures } from '../api/hotline';
import { TIER_COLORS_HEX } from '../utils/case-display';
import { useCasesTranslation } from '../utils/use-cases-translation';

registerChartParts([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, MarkAreaComponent, MarkLineComponent, CanvasRenderer]);

type Option = ComposeOption<LineSeriesOption | BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/**
 * Tickets per 1,000 households by month, covered against the other communities, the baseline and
 * the engagement shaded, campaign months drawn as dashed lines, cases resolved per tier as bars.
 * Kept in its own chunk so ECharts loads with the tab, not before.
 */
export default function HotlineChart({ figures, seriesKey, isNarrow }: { figures: HotlineFigures; seriesKey: string; isNarrow: boolean }) {
  const { t } = useCasesTranslation();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = element.current;
    if (!container) return;
    const chart = init(container, undefined, { renderer: 'canvas' });
    const series = figures.series.find((item) => item.key === seriesKey) ?? figures.series[0];
    const months = figures.months.map((month) => month.month);
    const first = (period: string) => figures.months.find((month) => month.period === period)?.month;
    const last = (period: string) => figures.months.filter((month) => month.period === period).at(-1)?.month;
    const area = (period: 'baseline' | 'engagement', color: string) =>
      first(period) ? [{ name: t(`hotline.periods.${period}`), xAxis: first(period), itemStyle: { color } }, { xAxis: last(period) }] : null;
    const areas = [area('baseline', 'rgba(140,140,140,0.08)'), area('engagement', 'rgba(61,124,201,0.08)')].filter((item) => item !== null);
    const option: Option = {
      animation: false,
      grid: { left: 8, right: 8, top: isNarrow ? 64 : 40, bottom: 8, outerBounds: { left: 0, right: 0, top: 0, bottom: 0 }, outerBoundsMode: 'same' },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? value.toFixed(2).replace(/\.00$/, '') : '—') },
      xAxis: { type: 'category', data: months, axisLabel: { hideOverlap: true, formatter: (value: string) => value.slice(2) } },
      yAxis: [
        { type: 'value', name: t('hotline.perThousand'), nameTextStyle: { align: 'left' }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
        { type: 'value', name: t('hotline.resolvedCases'), minInterval: 1, splitLine: { show: false }, nameTextStyle: { align: 'right' } },
      ],
      series: [
        {
          type: 'line',
          name: t('hotline.covered'),
          data: series?.covered.monthly ?? [],
          connectNulls: false,
          symbolSize: 6,
          itemStyle: { color: '#3d7cc9' },
          lineStyle: { width: 2.5 },
          markArea: { silent: true, label: { color: '#8c8c8c', position: 'insideTop' }, data: areas as never },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: '#d48806', type: 'dashed' },
            label: { formatter: (params) => t('hotline.campaign', { topic: String((params.data as { name?: string }).name ?? '') }), color: '#ad6800', fontSize: 11, position: 'insideEndTop' },
            data: figures.months.filter((month) => month.campaign).map((month) => ({ xAxis: month.month, name: month.campaign! })),
          },
        },
        { type: 'line', name: t('hotline.uncovered'), data: series?.uncovered.monthly ?? [], connectNulls: false, symbolSize: 5, itemStyle: { color: '#8c8c8c' }, lineStyle: { type: 'dashed' } },
        ...TIERS.map(
          (tier): BarSeriesOption => ({
            type: 'bar',
            name: `${t('hotline.resolvedCases')} · ${t(`tierShort.${tier}`)}`,
            yAxisIndex: 1,
            stack: 'cases',
            barMaxWidth: 14,
            itemStyle: { color: TIER_COLORS_HEX[tier], opacity: 0.55 },
            data: figures.cases.map((month) => month.resolved[tier]),
          }),
        ),
      ],
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [figures, seriesKey, isNarrow, t]);

  return <div ref={element} style={{ width: '100%', height: isNarrow ? 320 : 360 }} role="img" aria-label={t('hotline.chartAria')} data-testid="hotline-chart" />;
}
