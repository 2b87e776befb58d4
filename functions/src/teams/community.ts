import { registrationPrefix } from '../../../shared/teams/registration';
import { getCommunity } from '../identity/store';

/** Communities' number prefixes, read once per process: a community's name does not change. */
const prefixes = new Map<string, string>();

/** The start of the community's registration numbers: its name without 社区 (`青年`). */
export const registrationPrefixOf = async (cid: string): Promise<string> => {
  const known = prefixes.get(cid);
  if (known) return known;
  const community = await getCommunity(cid);
  const prefix = registrationPrefix(community?.name ?? '');
  if (community) prefixes.set(cid, prefix);
  return prefix;
};
