/**
 * A value computed once per node (or other object) and kept as long as the node lives; a
 * computation that finds nothing is remembered too.
 */
export function remember<K extends object, V>(cache: WeakMap<K, V | null>, key: K, compute: () => V | undefined): V | undefined {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute() ?? null;
    cache.set(key, value);
  }
  return value ?? undefined;
}
