/**
 * Where each key occurs: the positions in `items` of those `keysOf` gives it, in order. Lets
 * adoption look up what it found by type, id or input value instead of searching it all each time.
 */
export function positionsBy<T>(items: readonly T[], keysOf: (item: T) => Iterable<string>): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  for (const [i, item] of items.entries()) {
    for (const key of keysOf(item)) {
      const list = positions.get(key);
      if (list) list.push(i);
      else positions.set(key, [i]);
    }
  }
  return positions;
}
