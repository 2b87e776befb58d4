/**
 * Key builders: every key starts with the community (`C#<communityId>#`), so tenancy lives in the key.
 * The pieces after it are typed prefixes that say what the item is.
 */
export const communityKey = (communityId: string, ...parts: string[]): string =>
  ['C', communityId, ...parts].join('#');
