/**
 * Every scenario value that reaches generated source goes through these. Strings become literals
 * with every character that could end them, start an interpolation or end a comment escaped, and
 * the output is pure ASCII, so a name holding a quote, a backtick, `${x}`, a comment end or a newline stays inert.
 */

function hex4(code: number): string {
  return code.toString(16).padStart(4, '0');
}

/** A JavaScript string literal (double-quoted, ASCII only; never a template literal). */
export function jsString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    const code = value.charCodeAt(i);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code > 0x7e) out += `\\u${hex4(code)}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A Python str literal (double-quoted, ASCII only; astral characters as \U escapes, never an f-string). */
export function pyString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code > 0xffff) out += `\\U${code.toString(16).padStart(8, '0')}`;
    else if (code > 0x7e) out += `\\u${hex4(code)}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Text safe inside a `//` or `#` line comment: quoted and escaped, so no character can end the comment. */
export function commentText(value: string): string {
  return jsString(value);
}

/** A JavaScript identifier from a pool name: `streaming` → `streamingAgent`; unique within `taken`. */
export function jsIdentifier(name: string, suffix: string, taken: Set<string>): string {
  const words = name.match(/[A-Za-z0-9]+/g) ?? [];
  let base = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  if (!base || /^[0-9]/.test(base)) base = `pool${base}`;
  let id = `${base}${suffix}`;
  for (let n = 2; taken.has(id) || RESERVED.has(id); n++) id = `${base}${n}${suffix}`;
  taken.add(id);
  return id;
}

/** A Python identifier from a pool name: `streaming` → `streaming_client`. */
export function pyIdentifier(name: string, suffix: string, taken: Set<string>): string {
  const words = name.match(/[A-Za-z0-9]+/g) ?? [];
  let base = words.map((w) => w.toLowerCase()).join('_');
  if (!base || /^[0-9]/.test(base)) base = `pool_${base}`.replace(/_$/, '');
  let id = `${base}_${suffix}`;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}_${suffix}`;
  taken.add(id);
  return id;
}

/** Plain data (strings, numbers, arrays, objects) as a JavaScript literal; strings through jsString. */
export function jsLiteral(value: unknown): string {
  if (typeof value === 'string') return jsString(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(jsLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : jsString(k)}: ${jsLiteral(v)}`);
  return `{ ${entries.join(', ')} }`;
}

/** Plain data as a Python literal; strings through pyString. */
export function pyLiteral(value: unknown): string {
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${pyString(k)}: ${pyLiteral(v)}`)
    .join(', ')}}`;
}

const RESERVED = new Set(['fetch', 'Agent', 'setGlobalDispatcher', 'process']);
