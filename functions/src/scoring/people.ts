import { getUser, listBranches } from '../identity/store';

/** The community's branches (identity keeps them), by id. */
export const communityBranches = async (cid: string): Promise<Map<string, string>> =>
  new Map((await listBranches(cid)).map((b) => [b.id, b.name]));

/** A person of the community by account id, with the name identity knows them by; undefined when there is none. */
export const personOf = async (cid: string, userId: string): Promise<{ id: string; name: string; roles: string[] } | undefined> => {
  const user = await getUser(cid, userId);
  return user ? { id: user.id, name: user.name, roles: user.roles } : undefined;
};
