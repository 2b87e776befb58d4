import { useId } from 'react';

/**
 * An id unique in the whole document. Taro's browser router keeps the pages below the current one in the DOM, and
 * one component can appear on two pages (the feedback detail: its own page, and beside the list on a desktop), so
 * fixed ids would repeat and labels would point at the wrong element.
 */
export const useUniqueId = (prefix: string): string => `${prefix}-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
