import type { ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'react';
import { t } from '../../../i18n/i18n';
import type { ChartSeries } from '../report-view-model';

/**
 * The charting library, loaded the first time a chart is drawn (a report needs signal, so it
 * is not precached: the service worker's install stays as quick as before), with only what
 * bar charts need registered.
 */
const charts = () =>
  import('chart.js').then((lib) => {
    lib.Chart.register(lib.BarController, lib.BarElement, lib.CategoryScale, lib.LinearScale, lib.Tooltip);
    return lib.Chart;
  });

const cssVar = (name: string, fallback: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

/**
 * A bar chart of one of the report's tables, for people who look rather than read. The
 * table beside it holds the same figures (small numbers suppressed there and here: a bar
 * for 1 to 4 is drawn at 0 with "<5" in its label), so the canvas is an image with a name.
 */
export function ReportChart({ series }: { series: ChartSeries }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    if (element === null) return;
    const [text, grid, bars] = [cssVar('--text', '#e8e3d8'), cssVar('--surface-2', '#232b38'), cssVar('--accent', '#e0a84a')];
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: { labels: [...series.labels], datasets: [{ label: series.title, data: [...series.values], backgroundColor: bars }] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: series.horizontal ? 'y' : 'x',
        scales: {
          x: { ticks: { color: text }, grid: { color: grid } },
          y: { ticks: { color: text }, grid: { color: grid }, beginAtZero: true },
        },
        plugins: { tooltip: { callbacks: { label: (item) => series.shown[item.dataIndex] ?? '' } } },
      },
    };
    let chart: { destroy(): void } | null = null;
    let live = true;
    // Without the library (no signal), the table beside it still holds every figure.
    charts().then(
      (Chart) => {
        if (live) chart = new Chart(element, config);
      },
      () => undefined,
    );
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [series]);
  return (
    <div className="report-chart">
      <canvas ref={canvas} role="img" aria-label={t('reports.chart.label', { title: series.title })} />
    </div>
  );
}
