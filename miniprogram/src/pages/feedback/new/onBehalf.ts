import type { OnBehalfChannel } from '../../../../../shared/feedback/contact';

/*
 * The "代居民记录" part of the report form as data: pure, so the unit tests load it (relative import of shared/).
 */

export interface OnBehalfForm {
  on: boolean;
  channel: OnBehalfChannel | '';
  name: string;
  phone: string;
  consent: boolean;
}

export const NO_ON_BEHALF: OnBehalfForm = { on: false, channel: '', name: '', phone: '', consent: false };

/** Phone numbers as people type them (`138 1234 5678`, `138-1234-5678`): the digits only. */
export const digitsOnly = (phone: string): string => phone.replace(/[\s-]/g, '');

/** What the report sends for it (undefined when the switch is off), before the contract checks it. */
export const onBehalfBody = (f: OnBehalfForm) =>
  f.on
    ? {
        channel: f.channel || undefined,
        name: f.name.trim() ? f.name : undefined,
        phone: digitsOnly(f.phone) || undefined,
        consent: f.consent || undefined,
      }
    : undefined;
