/**
 * Memoises a function on the identity of its arguments (the store's objects change identity only
 * when they change), so a selector returns the very same value until one of its inputs changes —
 * which zustand needs to skip re-renders, and which keeps progress ticks from recomputing anything.
 */
export function memo<D extends readonly unknown[], R>(compute: (...deps: D) => R): (...deps: D) => R {
  let last: D | null = null;
  let value: R;
  return (...deps: D) => {
    if (!last || deps.length !== last.length || deps.some((d, i) => !Object.is(d, last![i]))) {
      last = deps;
      value = compute(...deps);
    }
    return value;
  };
}
