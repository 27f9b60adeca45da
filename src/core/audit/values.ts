/** The arithmetic and conversions both grammars share, on audit Values. */
import type { Value } from './types.ts';

export const unknown = (why: string): Value => ({ k: 'unknown', why });

/** Deeper expressions than this are reported unknown: untrusted input must not exhaust the stack. */
export const MAX_DEPTH = 48;

export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

export function parseNumber(text: string): Value {
  const clean = text.replace(/_/g, '').replace(/n$/, '');
  if (/[jJ]$/.test(clean)) return unknown(`complex number ${clean}`);
  const v = /^0[oO]/.test(clean) ? parseInt(clean.slice(2), 8) : Number(clean);
  return Number.isFinite(v) ? { k: 'num', v } : unknown(`number ${text.slice(0, 20)}`);
}

export function arith(op: string, a: Value, b: Value): Value {
  if (a.k === 'unknown') return a;
  if (b.k === 'unknown') return b;
  if (a.k !== 'num' || b.k !== 'num') {
    if (op === '+' && a.k === 'str' && b.k === 'str') return { k: 'str', v: a.v + b.v };
    return unknown(`${op} on non-numbers`);
  }
  const env = a.env ?? b.env;
  let v: number;
  switch (op) {
    case '+': v = a.v + b.v; break;
    case '-': v = a.v - b.v; break;
    case '*': v = a.v * b.v; break;
    case '/': v = a.v / b.v; break;
    case '//': v = Math.floor(a.v / b.v); break;
    case '%': v = a.v % b.v; break;
    case '**': v = a.v ** b.v; break;
    default: return unknown(`operator ${op.slice(0, 4)}`);
  }
  if (!Number.isFinite(v)) return unknown(`${op} gives no finite number`);
  return env ? { k: 'num', v, env } : { k: 'num', v };
}

/** int(...) / float(...) / Number(...) / parseInt(...) on a value: strings that read as numbers become numbers. */
/**
 * A sign before a value: −x is 0 − x, +x is x (`plus` overrides: JavaScript's + turns a string into
 * a number); any other unary operator is not evaluated.
 */
export function signed(op: string | undefined, x: Value, plus: (x: Value) => Value = (v) => v): Value {
  if (op === '-') return arith('-', { k: 'num', v: 0 }, x);
  if (op === '+') return plus(x);
  return unknown(`${op ?? 'unary'} operator`);
}

export function toNumber(x: Value, integer: boolean): Value {
  if (x.k === 'num') return { ...x, v: integer ? Math.trunc(x.v) : x.v };
  if (x.k === 'str') {
    const t = x.v.trim();
    const v = integer ? (/^[+-]?\d+$/.test(t) ? parseInt(t, 10) : NaN) : t === '' ? NaN : Number(t);
    if (!Number.isFinite(v)) return unknown(`"${t.slice(0, 20)}" is not a number`);
    return x.env ? { k: 'num', v, env: x.env } : { k: 'num', v };
  }
  if (x.k === 'unknown') return x;
  return unknown('not a number');
}

/** `a or b` / `a || b` / `a ?? b` where `a` is an unset-able environment variable: the fallback, marked. */
export function envFallback(variable: string, fallback: Value): Value {
  if (fallback.k === 'num' || fallback.k === 'str') return { ...fallback, env: { variable } };
  if (fallback.k === 'unknown') return fallback;
  return unknown(`environment variable ${variable}`);
}

/** The name of an environment variable read with no fallback, or null. */
export function unsetEnv(x: Value): string | null {
  return x.k === 'unknown' && x.why.startsWith('environment variable ') ? x.why.slice('environment variable '.length).split(' ')[0]! : null;
}

/**
 * The value of a name from its assignments in the nearest scope that has any: one assignment is
 * evaluated (guarded against a name defined through itself), several or a run-time one are unknown.
 * The Python and JavaScript readers share it; `assignments` holds null for a value set at run time.
 */
export function valueOfAssignments<N extends { from: number }>(
  name: string,
  assignments: readonly (N | null)[],
  resolving: Set<number>,
  evaluate: (node: N) => Value,
): Value {
  if (assignments.length !== 1) return unknown(`${name} is assigned ${assignments.length} times`);
  const v = assignments[0];
  if (!v) return unknown(`${name} is set at run time`);
  if (resolving.has(v.from)) return unknown(`${name} refers to itself`);
  resolving.add(v.from);
  try {
    return evaluate(v);
  } finally {
    resolving.delete(v.from);
  }
}
