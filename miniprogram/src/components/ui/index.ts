export { Button } from './Button';
export { TextField } from './TextField';
export { ChoiceGroup } from './ChoiceGroup';
export { Html } from './Html';
export { useConfirm } from './useConfirm';
export { cx } from './classes';
export type * from './types';
