import { createContext } from 'react';

/** The submit of the `Form` around a field (mini-program build: the keyboard's confirm key calls it). */
export const FormSubmitContext = createContext<(() => void) | null>(null);
