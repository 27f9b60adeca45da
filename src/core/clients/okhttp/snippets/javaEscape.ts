/**
 * Scenario values on their way into Java source. javac turns every `\uXXXX` into its character
 * before it lexes anything, comments included, so an escaped newline would end a comment and an
 * escaped quote a string. Strings therefore escape control characters in octal and only printable
 * non-ASCII as `\u`; in comment lines every `\u` becomes `\x`, so javac finds no escape to decode there.
 */

/** A Java string literal, ASCII only. */
export function javaString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    const code = value.charCodeAt(i);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(8).padStart(3, '0')}`;
    else if (code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Comment lines made inert for javac's unicode pre-pass: no `\u` is left to decode. */
export function javaComments(text: string): string {
  return text.replace(/\\u/g, '\\x');
}

/** Seconds as a (value, TimeUnit) pair, exact to the millisecond. */
export function javaDuration(sec: number): string {
  const ms = Math.round(sec * 1000);
  return ms % 1000 === 0 ? `${ms / 1000}, TimeUnit.SECONDS` : `${ms}, TimeUnit.MILLISECONDS`;
}
