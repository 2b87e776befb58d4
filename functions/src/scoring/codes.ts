import { randomInt } from 'node:crypto';
import { putCodePointer } from './store';

/** The letters and digits of a code, without the look-alikes 0/O and 1/I (the contract's AssignmentCode). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const newCode = (): string => Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/**
 * A fresh code for an assignment without an account, its pointer to the period claimed first (a code in use is
 * skipped). The period's own assignment holding the code is what a claim checks, so a pointer whose period write
 * then failed leads nowhere.
 */
export const assignmentCode = async (cid: string, periodId: string): Promise<string> => {
  for (let attempt = 0; attempt < 6; attempt++) {
    const code = newCode();
    if (await putCodePointer(cid, code, periodId)) return code;
  }
  throw new Error('no free assignment code after 6 tries');
};
