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

/** The value a map holds for a key, made and added first when it holds none (a map of maps, a cache of results that are never undefined). */
export function getOrAdd<K, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
