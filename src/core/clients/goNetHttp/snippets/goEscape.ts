/**
 * Scenario values on their way into Go source. Go has no escape pre-pass (unlike Java), but rejects
 * a lone surrogate in `\u` escapes, so strings are escaped by code point and stray surrogates become U+FFFD.
 */

/** A Go interpreted string literal, ASCII only. */
export function goString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else if (code > 0xffff) out += `\\U${code.toString(16).padStart(8, '0')}`;
    else if (code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A Go string literal for a doc comment: gofmt (1.19+) turns a doubled '' or `` there into curly
 * quotes, so every second quote of a pair is escaped (still the same string when read as Go).
 */
export function goCommentString(value: string): string {
  return goString(value).replace(/(?<=')'/g, '\\x27').replace(/(?<=`)`/g, '\\x60');
}

/** An exported Go identifier from a pool name: `streaming` → `StreamingClient`; unique within `taken`. */
export function goIdentifier(name: string, suffix: string, taken: Set<string>): string {
  const words = name.match(/[A-Za-z0-9]+/g) ?? [];
  let base = words.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join('');
  if (!base || /^[0-9]/.test(base)) base = `Pool${base}`;
  let id = `${base}${suffix}`;
  for (let n = 2; taken.has(id); n++) id = `${base}${n}${suffix}`;
  taken.add(id);
  return id;
}

/** Seconds as a Go time.Duration expression, exact to the millisecond. */
export function goDuration(sec: number): string {
  const ms = Math.round(sec * 1000);
  return ms % 1000 === 0 ? `${ms / 1000} * time.Second` : `${ms} * time.Millisecond`;
}
