import { Html } from './Html';

export interface BarSeries {
  label: string;
  /** `main` in the brand red; `second` in a dark grey that stays apart from it for colour-blind eyes too. */
  tone: 'main' | 'second';
}

export interface BarRow {
  label: string;
  /** One value per series, in the series' order. */
  values: readonly number[];
}

export interface BarChartProps {
  series: readonly BarSeries[];
  rows: readonly BarRow[];
  /**
   * What the chart shows, read instead of the bars (a screen reader gets the numbers from the table that always
   * goes with a chart): e.g. "各类别收到与解决的反馈条数，详见下表".
   */
  summary: string;
  /** How a value is written beside its bar, e.g. `12 条`. */
  unit?: string;
}

/**
 * Horizontal bars, one group per row, each bar labelled with its number: built from plain boxes so that it looks
 * the same in WeChat and the browser, follows the font setting, and fits a 320 px screen (labels above the bars).
 * The chart is one image to assistive technology; the numbers are in the accessible table beside it.
 */
export function BarChart({ series, rows, summary, unit = '' }: BarChartProps) {
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  return (
    <Html tag='div' className='gz-chart' role='img' aria-label={summary}>
      {series.length > 1 ? (
        <Html tag='div' className='gz-chart-legend'>
          {series.map((s) => (
            <Html tag='span' className='gz-chart-key' key={s.label}>
              <Html tag='span' className={`gz-chart-swatch gz-chart-bar--${s.tone}`} />
              {s.label}
            </Html>
          ))}
        </Html>
      ) : null}
      {rows.map((r) => (
        <Html tag='div' className='gz-chart-row' key={r.label}>
          <Html tag='p' className='gz-chart-label'>
            {r.label}
          </Html>
          {series.map((s, i) => {
            const v = r.values[i] ?? 0;
            return (
              <Html tag='div' className='gz-chart-line' key={s.label}>
                <Html tag='span' className={`gz-chart-bar gz-chart-bar--${s.tone}`} style={{ width: `${(v / max) * 75}%` }} />
                <Html tag='span' className='gz-chart-value'>
                  {`${v}${unit}`}
                </Html>
              </Html>
            );
          })}
        </Html>
      ))}
    </Html>
  );
}
