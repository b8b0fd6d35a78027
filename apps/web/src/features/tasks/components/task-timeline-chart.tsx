import { CustomChart, type CustomSeriesOption } from 'echarts/charts';
import { DataZoomComponent, type DataZoomComponentOption, GridComponent, type GridComponentOption, MarkLineComponent, TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import { type ComposeOption, graphic, init, use as registerChartParts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { civilToTime } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import type { TimelineRow, TimelineState } from './timeline-rows';

// Only what this chart draws: the custom series, its grid and axes, tooltip, zoom, the today line.
registerChartParts([CustomChart, GridComponent, TooltipComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

type Option = ComposeOption<CustomSeriesOption | GridComponentOption | TooltipComponentOption | DataZoomComponentOption>;

export const TIMELINE_COLORS: Record<TimelineState | 'planned', string> = {
  planned: '#d6e0ec',
  'done-on-time': '#52a447',
  'done-late': '#e89a3c',
  overdue: '#d9483b',
  open: '#3d7cc9',
  pending: '#bfbfbf',
};

const ROW_HEIGHT = 26;
const VISIBLE_ROWS = 18;

/** Rendered only in the browser; kept in its own chunk so ECharts loads with the timeline, not before. */
export default function TaskTimelineChart({ rows, today }: { rows: readonly TimelineRow[]; today: string }) {
  const { t } = useTranslation();
  const { text, locale } = useLocalized();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = element.current;
    if (!container) return;
    const chart = init(container, undefined, { renderer: 'canvas' });
    const labels = rows.map((row) => (row.count > 1 ? `${text(row.title)} ×${row.count}` : text(row.title)));
    const todayTime = civilToTime(today);
    // A row's actual bar runs to its last completion, or to today while work is open.
    const actualEnd = (row: TimelineRow) => (row.actualEnd ? civilToTime(row.actualEnd) : row.state === 'overdue' || row.state === 'open' ? todayTime : null);
    const renderBar =
      (band: 'upper' | 'lower'): CustomSeriesOption['renderItem'] =>
      (params, api) => {
        const index = api.value(0) as number;
        const start = api.coord([api.value(1), index]);
        const end = api.coord([api.value(2), index]);
        const bandHeight = (api.size?.([0, 1]) as number[] | undefined)?.[1] ?? ROW_HEIGHT;
        const height = band === 'upper' ? bandHeight * 0.36 : bandHeight * 0.28;
        const y = band === 'upper' ? (start[1] ?? 0) - height : (start[1] ?? 0) + 1;
        const coordSys = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
        const shape = graphic.clipRectByRect(
          { x: start[0] ?? 0, y, width: Math.max(3, (end[0] ?? 0) - (start[0] ?? 0)), height },
          { x: coordSys.x, y: coordSys.y, width: coordSys.width, height: coordSys.height },
        );
        const row = rows[index];
        const fill = band === 'upper' ? TIMELINE_COLORS.planned : TIMELINE_COLORS[row?.state ?? 'pending'];
        return shape ? { type: 'rect', shape, style: { fill }, transition: [] } : null;
      };
    const option: Option = {
      animation: false,
      grid: { left: 8, right: 24, top: 28, bottom: rows.length > VISIBLE_ROWS ? 40 : 24 },
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const item = Array.isArray(params) ? params[0] : params;
          const row = rows[(item?.value as number[] | undefined)?.[0] ?? -1];
          if (!row) return '';
          return [
            `<strong>${labels[rows.indexOf(row)]}</strong>`,
            text(row.stage.title),
            t('timeline.tooltip.planned', { start: row.plannedStart, due: row.plannedDue }),
            row.actualEnd ? t('timeline.tooltip.completed', { date: row.actualEnd }) : t('timeline.tooltip.notCompleted'),
            t('timeline.tooltip.done', { done: row.done, count: row.count }),
            t(`timeline.state.${row.state}`),
          ].join('<br/>');
        },
      },
      xAxis: {
        type: 'time',
        position: 'top',
        axisLabel: { formatter: (value: number) => new Date(value).toISOString().slice(5, 10), color: '#595959', hideOverlap: true },
        minInterval: 7 * 86_400_000,
        splitLine: { show: true, lineStyle: { color: '#f0f0f0' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: labels,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#d9d9d9' } },
        axisLabel: { color: '#262626', width: 220, overflow: 'truncate', fontSize: 12 },
      },
      dataZoom:
        rows.length > VISIBLE_ROWS
          ? [
              { type: 'inside', yAxisIndex: 0, startValue: 0, endValue: VISIBLE_ROWS - 1, zoomOnMouseWheel: false, moveOnMouseWheel: true },
              { type: 'slider', yAxisIndex: 0, startValue: 0, endValue: VISIBLE_ROWS - 1, width: 12, right: 4, showDetail: false, brushSelect: false },
            ]
          : [],
      series: [
        {
          type: 'custom',
          name: t('timeline.legend.planned'),
          renderItem: renderBar('upper'),
          encode: { x: [1, 2], y: 0 },
          data: rows.map((row, index) => [index, civilToTime(row.plannedStart), civilToTime(row.plannedDue) + 86_400_000]),
          markLine: {
            silent: true,
            symbol: 'none',
            label: { formatter: t('timeline.today'), color: '#d9483b' },
            lineStyle: { color: '#d9483b', type: 'dashed' },
            data: [{ xAxis: todayTime }],
          },
        },
        {
          type: 'custom',
          name: t('timeline.legend.actual'),
          renderItem: renderBar('lower'),
          encode: { x: [1, 2], y: 0 },
          data: rows.flatMap((row, index) => {
            const end = actualEnd(row);
            return end === null ? [] : [[index, civilToTime(row.plannedStart), end + 86_400_000]];
          }),
        },
      ],
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [rows, today, t, text, locale]);

  const height = Math.min(rows.length, VISIBLE_ROWS) * ROW_HEIGHT + 72;
  return <div ref={element} style={{ width: '100%', height }} role="img" aria-label={t('timeline.ariaLabel', { count: rows.length })} data-testid="task-timeline" />;
}
