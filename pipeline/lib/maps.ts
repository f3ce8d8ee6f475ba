/** Small helpers on Maps, shared by the extractors and the resolvers. */

/** Appends `value` to the list of `key` (in place: building lists by copying them is quadratic in a popular key). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
