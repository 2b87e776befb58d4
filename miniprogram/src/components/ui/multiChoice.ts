import type { ChoiceOption } from './types';

export interface MultiChoiceGroupProps<V extends string> {
  /** Unique on the page: the checkboxes' name, and the ids of the hint and error. */
  id: string;
  legend: string;
  options: ReadonlyArray<ChoiceOption<V>>;
  /** The values chosen now, in any order. */
  value: readonly V[];
  onChange: (value: V[]) => void;
  hint?: string;
  error?: string;
  disabled?: boolean;
}

/** `value` with `v` added or taken out, in the options' order (so what is sent reads like what is shown). */
export const toggleChoice = <V extends string>(options: ReadonlyArray<ChoiceOption<V>>, value: readonly V[], v: V, on: boolean): V[] =>
  options.map((o) => o.value).filter((x) => (x === v ? on : value.includes(x)));
