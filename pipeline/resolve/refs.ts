/** Keys for "the i-th mention / event mention of an article", shared by the resolvers. */
export const ref = (articleId: string, index: number): string => `${articleId}#${index}`;

/** The resolved id of each per-article item, by ref(). */
export type RefMap = ReadonlyMap<string, string>;

/** Appends `value` to the list of `key` (in place: building lists by copying them is quadratic in a popular key). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
