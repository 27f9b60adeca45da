/**
 * gofmt's column alignment for the lines the generator writes as `Key: value, // comment`, so the
 * file comes out gofmt-identical instead of being rewritten on the user's first save. gofmt runs
 * text/tabwriter with padding 1 over the cells `Key:`, `value,` and the trailing comment; the last
 * cell of a line never counts towards a column's width, and a column's block ends at the first line
 * without that cell. Lines that are not a one-line key-value pair (a nested literal, a closing brace)
 * break the section, as gofmt's formfeed does around multi-line elements.
 */

const PAIR = /^(\t*)([A-Za-z_][A-Za-z0-9_]*:) *(.*?,)(?: *(\/\/.*))?$/;

interface Pair {
  indent: string;
  key: string;
  value: string;
  comment?: string;
}

function parsePair(line: string): Pair | null {
  // A value opening a literal spans lines: gofmt does not align it with its neighbours.
  if (/[{(]$/.test(line.replace(/ *\/\/.*$/, ''))) return null;
  const m = PAIR.exec(line);
  return m ? { indent: m[1]!, key: m[2]!, value: m[3]!, ...(m[4] !== undefined ? { comment: m[4] } : {}) } : null;
}

const width = (s: string) => [...s].length;

function alignSection(pairs: Pair[]): string[] {
  const keyWidth = Math.max(...pairs.map((p) => width(p.key))) + 1;
  const valueWidth: number[] = [];
  // The value column exists only on lines with a comment; each unbroken run of them gets its own width.
  for (let i = 0; i < pairs.length; ) {
    if (pairs[i]!.comment === undefined) {
      i++;
      continue;
    }
    let j = i;
    while (j < pairs.length && pairs[j]!.comment !== undefined) j++;
    const w = Math.max(...pairs.slice(i, j).map((p) => width(p.value))) + 1;
    for (let k = i; k < j; k++) valueWidth[k] = w;
    i = j;
  }
  return pairs.map((p, i) => {
    const head = `${p.indent}${p.key.padEnd(keyWidth + p.key.length - width(p.key))}`;
    return p.comment === undefined ? `${head}${p.value}` : `${head}${p.value.padEnd(valueWidth[i]! + p.value.length - width(p.value))}${p.comment}`;
  });
}

/** The lines with each run of one-line key-value pairs (same indent) aligned as gofmt aligns them. */
export function alignGoPairs(lines: string[]): string[] {
  const out: string[] = [];
  let run: Pair[] = [];
  const flush = () => {
    if (run.length > 0) out.push(...alignSection(run));
    run = [];
  };
  for (const line of lines) {
    const pair = parsePair(line);
    if (pair && (run.length === 0 || run[0]!.indent === pair.indent)) run.push(pair);
    else {
      flush();
      if (pair) run.push(pair);
      else out.push(line);
    }
  }
  flush();
  return out;
}
