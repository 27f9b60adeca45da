/** Reading and immutably writing a value at a dotted path such as `workload.classes[0].share`. */
export type PathKey = string | number;

/**
 * Parsed once per path: every field reads its value through getAt on every store update (each
 * keystroke, each result landing), and the regular expressions were a measurable share of that.
 */
const parsed = new Map<string, readonly PathKey[]>();

export function parsePath(path: string): readonly PathKey[] {
  const known = parsed.get(path);
  if (known) return known;
  const keys: PathKey[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) throw new Error(`bad path ${path}`);
    keys.push(match[1] as string);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]));
  }
  parsed.set(path, keys);
  return keys;
}

export function getAt(root: unknown, path: string): unknown {
  let here: unknown = root;
  for (const key of parsePath(path)) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PathKey, unknown>)[key];
  }
  return here;
}

export function setAt<T>(root: T, path: string, value: unknown): T {
  const keys = parsePath(path);
  const write = (node: unknown, depth: number): unknown => {
    const key = keys[depth] as PathKey;
    const copy = (Array.isArray(node) ? [...node] : { ...(node as object) }) as Record<PathKey, unknown>;
    copy[key] = depth === keys.length - 1 ? value : write(copy[key] ?? {}, depth + 1);
    return copy;
  };
  return write(root, 0) as T;
}
