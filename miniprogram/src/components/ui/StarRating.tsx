import { ChoiceGroup } from './ChoiceGroup';

const STARS = ['1', '2', '3', '4', '5'] as const;
const OPTIONS = STARS.map((value) => ({ value, label: `${value} 星` }));

/**
 * 1–5 stars as a group of radio buttons labelled "1 星" … "5 星" (arrow keys move, screen readers say which),
 * each a large chip; filled stars up to the chosen one are drawn before the labels, not read out.
 */
export function StarRating({
  id,
  legend,
  value,
  onChange,
  error,
  hint,
}: {
  id: string;
  legend: string;
  /** 0 while none is chosen. */
  value: number;
  onChange: (stars: number) => void;
  error?: string;
  hint?: string;
}) {
  return (
    <ChoiceGroup
      id={id}
      legend={legend}
      options={OPTIONS}
      value={value ? (String(value) as (typeof STARS)[number]) : ''}
      onChange={(v) => onChange(Number(v))}
      mark={(v) => (Number(v) <= value ? '★ ' : '☆ ')}
      error={error}
      hint={hint}
    />
  );
}
