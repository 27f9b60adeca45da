/**
 * The Go front end: reads a file with the real grammar (@lezer/go) and evaluates every net/http
 * Transport and Client it builds, the uses of http.DefaultClient and the openai-go / anthropic-sdk-go
 * constructors, without running anything. Durations are nanoseconds, as Go counts them.
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/go';
import { GO_BARE, GO_DEFAULT_USES, GO_ONCE_NAMES, goPackage } from './ctors.ts';
import type { ObjectSite, ParsedFile, SiteContext, Value, NameScope } from './types.ts';
import { arith, lineIndex, MAX_DEPTH, parseNumber, toNumber, unknown, valueOfAssignments, signed } from './values.ts';

const FUNCTIONS = new Set(['FunctionDecl', 'MethodDecl', 'FunctionLiteral']);
const DURATIONS: Readonly<Record<string, number>> = { Nanosecond: 1, Microsecond: 1e3, Millisecond: 1e6, Second: 1e9, Minute: 60e9, Hour: 3600e9 };
/** Parameter types that make a function a request handler (net/http, gin, echo, fiber, chi). */
const HANDLER_PARAM = /^(\*?http\.Request|http\.ResponseWriter|\*gin\.Context|echo\.Context|\*fiber\.Ctx)$/;

type Scope = NameScope<SyntaxNode>;

export function readGo(text: string): ParsedFile {
  const tree = parser.parse(text);
  const lineOf = lineIndex(text);
  const src = (n: SyntaxNode): string => text.slice(n.from, n.to);
  const aliases = new Map<string, string>();
  const scopes = new Map<number, Scope>();
  const sites = new Map<number, ObjectSite>();
  const resolving = new Set<number>();
  /** Fields the file sets on http.DefaultTransport itself: every default-transport user sees them. */
  let defaultTransport: ObjectSite | null = null;

  const visits: SyntaxNode[] = [];
  const cursor = tree.cursor();
  do {
    if (cursor.name === 'ImportSpec') readImport(cursor.node);
    else if (cursor.name === 'CallExpr' || cursor.name === 'TypedLiteral' || cursor.name === 'SelectorExpr' || cursor.name === 'Assignment') visits.push(cursor.node);
  } while (cursor.next());

  function readImport(node: SyntaxNode): void {
    const path = node.getChild('String');
    if (!path) return;
    const spec = src(path).slice(1, -1);
    const alias = node.getChild('DefName');
    const pkg = goPackage(spec);
    aliases.set(alias ? src(alias) : pkg.name, pkg.path);
  }

  function scopeOf(node: SyntaxNode): Scope {
    const key = node.name === 'SourceFile' ? -1 : node.from;
    const cached = scopes.get(key);
    if (cached) return cached;
    const scope: Scope = { values: new Map(), declared: new Set() };
    const bind = (name: string, value: SyntaxNode | null): void => {
      if (name === '_') return;
      scope.values.set(name, [...(scope.values.get(name) ?? []), value]);
    };
    const declare = (name: string, value: SyntaxNode | null): void => {
      scope.declared.add(name);
      bind(name, value);
    };
    for (const params of node.getChildren('Parameters')) {
      for (const p of params.getChildren('Parameter')) for (const d of p.getChildren('DefName')) declare(src(d), null);
    }
    const walk = (n: SyntaxNode): void => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (FUNCTIONS.has(c.name)) {
          if (c.name === 'FunctionDecl') {
            const name = c.getChild('DefName');
            if (name) declare(src(name), null);
          }
          continue;
        }
        if (c.name === 'VarSpec' || c.name === 'ConstSpec' || c.name === 'VarDecl') {
          const names = c.getChildren('DefName');
          const op = c.getChild('=') ?? c.getChild(':=');
          const values: SyntaxNode[] = [];
          if (op) for (let v = op.nextSibling; v; v = v.nextSibling) if (v.name !== ',') values.push(v);
          if (names.length > 0) {
            names.forEach((d, i) => declare(src(d), values.length === names.length ? values[i]! : null));
            if (c.name === 'VarDecl') continue;
          }
        } else if (c.name === 'Assignment' || c.name === 'IncDecStatement') {
          const targets: SyntaxNode[] = [];
          let op: SyntaxNode | null = null;
          for (let k = c.firstChild; k; k = k.nextSibling) {
            if (k.name === 'VariableName' && !op) targets.push(k);
            else if (k.name !== ',' && !op && k.name !== 'SelectorExpr' && k.name !== 'IndexExpr') op = k;
          }
          const plain = op && src(op) === '=' && targets.length === 1 && c.firstChild === targets[0] && c.lastChild !== op;
          for (const t of targets) bind(src(t), plain ? c.lastChild : null);
        } else if (c.name === 'RangeClause') {
          for (const d of c.getChildren('DefName')) declare(src(d), null);
        }
        walk(c);
      }
    };
    const body = node.name === 'SourceFile' ? node : node.getChild('Block');
    if (body) walk(body);
    scopes.set(key, scope);
    return scope;
  }

  function scopeChain(node: SyntaxNode): Scope[] {
    const chain: Scope[] = [];
    for (let p: SyntaxNode | null = node.parent; p; p = p.parent) if (FUNCTIONS.has(p.name) || p.name === 'SourceFile') chain.push(scopeOf(p));
    return chain;
  }

  /** `pkg.Name` with the package's import path resolved; null for anything else. */
  function qualify(node: SyntaxNode): string | null {
    if (node.name === 'VariableName' || node.name === 'TypeName') {
      const name = src(node);
      const local = scopeChain(node).some((s) => s.declared.has(name));
      return local ? name : (aliases.get(name) ?? GO_BARE[name] ?? name);
    }
    if (node.name === 'SelectorExpr' || node.name === 'QualifiedType') {
      const base = node.firstChild;
      const field = node.lastChild;
      if (!base || !field || (field.name !== 'FieldName' && field.name !== 'TypeName')) return null;
      const q = qualify(base);
      return q === null ? null : `${q}.${src(field)}`;
    }
    if (node.name === 'ParenthesizedExpr' && node.firstChild?.nextSibling) return qualify(node.firstChild.nextSibling);
    return null;
  }

  function lookup(name: string, at: SyntaxNode, depth: number): Value {
    if (name === 'true' || name === 'false') return { k: 'bool', v: name === 'true' };
    if (name === 'nil') return { k: 'none' };
    for (const scope of scopeChain(at)) {
      const values = scope.values.get(name);
      if (!values) continue;
      return valueOfAssignments(name, values, resolving, (v) => evaluate(v, depth + 1));
    }
    return unknown(`${name} is not defined in this file`);
  }

  function argValues(call: SyntaxNode, depth: number): Value[] {
    const out: Value[] = [];
    const list = call.getChild('Arguments');
    for (let c = list?.firstChild ?? null; c; c = c.nextSibling) {
      if (c.name === '(' || c.name === ')' || c.name === ',') continue;
      if (c.name === '...') { out.push(unknown('arguments spread with ...')); continue; }
      out.push(evaluate(c, depth + 1));
    }
    return out;
  }

  function newSite(node: SyntaxNode, ctor: string, kw = new Map<string, Value>()): ObjectSite {
    const known = sites.get(node.from);
    if (known) return known;
    const s: ObjectSite = { ctor, kw, pos: [], line: lineOf(node.from), at: node.from, context: contextOf(node) };
    sites.set(node.from, s);
    return s;
  }

  function isDefaultTransport(node: SyntaxNode): boolean {
    const inner = node.name === 'TypeAssertion' ? node.firstChild : node;
    return inner !== null && qualify(inner) === 'net/http.DefaultTransport';
  }

  function defaultTransportSite(at: SyntaxNode): ObjectSite {
    defaultTransport ??= { ctor: 'http.DefaultTransport', kw: new Map(), pos: [], line: lineOf(at.from), at: at.from, context: { perCall: null, bound: 'http.DefaultTransport', managed: false } };
    return defaultTransport;
  }

  function evalCall(node: SyntaxNode, depth: number): Value {
    const callee = node.firstChild;
    if (!callee) return unknown('call');
    // x.Clone() on a Transport: a copy of its fields; http.DefaultTransport's keeps its defaults.
    if (callee.name === 'SelectorExpr' && callee.lastChild && src(callee.lastChild) === 'Clone' && callee.firstChild) {
      if (isDefaultTransport(callee.firstChild)) return { k: 'obj', obj: newSite(node, 'http.DefaultTransport.Clone', new Map(defaultTransport?.kw ?? [])) };
      const base = evaluate(callee.firstChild, depth + 1);
      if (base.k === 'obj' && /Transport/.test(base.obj.ctor)) return { k: 'obj', obj: newSite(node, base.obj.ctor === 'http.Transport' ? 'http.Transport' : 'http.DefaultTransport.Clone', new Map(base.obj.kw)) };
      return unknown(`${src(callee).slice(0, 40)}() is not evaluated`);
    }
    const q = qualify(callee);
    if (q === null) return unknown(`call ${src(node).slice(0, 30)}`);
    if (GO_DEFAULT_USES.has(q)) return { k: 'obj', obj: newSite(node, 'http.DefaultClient') };
    if (q === 'github.com/openai/openai-go.NewClient' || q === 'github.com/anthropics/anthropic-sdk-go.NewClient') {
      const s = newSite(node, q.startsWith('github.com/openai') ? 'openai.NewClient' : 'anthropic.NewClient');
      if (s.pos.length === 0) s.pos = argValues(node, depth);
      return { k: 'obj', obj: s };
    }
    const args = argValues(node, depth);
    if (/\/option\.WithHTTPClient$/.test(q)) return { k: 'dict', kw: new Map([['httpClient', args[0] ?? unknown('no argument')]]) };
    if (q === 'time.Duration' || /^(u?int(8|16|32|64)?|float(32|64))$/.test(q)) return args[0] ? (args[0].k === 'num' ? args[0] : toNumber(args[0], q.startsWith('int'))) : unknown('conversion');
    if (q === 'os.Getenv') return args[0]?.k === 'str' ? unknown(`environment variable ${args[0].v} with no default`) : unknown('environment variable read by a computed name');
    if ((q === 'min' || q === 'max') && args.length >= 2 && args.every((a) => a.k === 'num')) {
      const nums = args.map((a) => (a as { v: number }).v);
      return { k: 'num', v: q === 'min' ? Math.min(...nums) : Math.max(...nums) };
    }
    return unknown(`${q.split('/').pop()!.slice(0, 40)}() is not evaluated`);
  }

  function literal(node: SyntaxNode, depth: number): Value {
    const type = node.firstChild;
    const q = type ? qualify(type) : null;
    if (q !== 'net/http.Transport' && q !== 'net/http.Client') return unknown(`${type ? src(type).slice(0, 30) : 'a'} literal`);
    const known = sites.get(node.from);
    if (known) return { k: 'obj', obj: known };
    const s = newSite(node, q === 'net/http.Transport' ? 'http.Transport' : 'http.Client');
    const body = node.getChild('LiteralValue');
    for (const el of body?.getChildren('Element') ?? []) {
      const key = el.getChild('Key');
      const value = key?.nextSibling?.name === ':' ? key.nextSibling.nextSibling : null;
      if (key && value) s.kw.set(src(key), evaluate(value, depth + 1));
      else s.kw.set('?', unknown('a positional field'));
    }
    return { k: 'obj', obj: s };
  }

  function evaluate(node: SyntaxNode, depth = 0): Value {
    if (depth > MAX_DEPTH) return unknown('expression too deep');
    switch (node.name) {
      case 'Number': {
        const t = src(node).replace(/_/g, '');
        if (/i$/.test(t)) return unknown(`imaginary number ${t.slice(0, 20)}`);
        if (/^0[0-7]+$/.test(t)) return { k: 'num', v: parseInt(t, 8) };
        return parseNumber(t);
      }
      case 'String': {
        const t = src(node);
        return t.startsWith('`') ? { k: 'str', v: t.slice(1, -1) } : t.includes('\\') ? unknown('string with escapes') : { k: 'str', v: t.slice(1, -1) };
      }
      case 'Bool':
        return { k: 'bool', v: src(node) === 'true' };
      case 'Nil':
        return { k: 'none' };
      case 'VariableName':
        return lookup(src(node), node, depth);
      case 'ParenthesizedExpr':
        return node.firstChild?.nextSibling ? evaluate(node.firstChild.nextSibling, depth + 1) : unknown('()');
      case 'UnaryExp': {
        const op = node.firstChild;
        const x = op?.nextSibling ? evaluate(op.nextSibling, depth + 1) : unknown('operand');
        return op?.name === 'DerefOp' ? x : signed(op ? src(op) : undefined, x);
      }
      case 'BinaryExp': {
        const left = node.firstChild;
        const op = left?.nextSibling;
        const right = op?.nextSibling;
        if (!left || !op || !right) return unknown('expression');
        return arith(src(op), evaluate(left, depth + 1), evaluate(right, depth + 1));
      }
      case 'SelectorExpr':
        return selector(node, depth);
      case 'TypeAssertion':
        return isDefaultTransport(node) ? { k: 'obj', obj: defaultTransportSite(node) } : node.firstChild ? evaluate(node.firstChild, depth + 1) : unknown('type assertion');
      case 'CallExpr':
        return evalCall(node, depth);
      case 'TypedLiteral':
        return literal(node, depth);
      case 'FunctionLiteral':
        return unknown('a function');
      default:
        return unknown(`${src(node).slice(0, 30)} is not evaluated`);
    }
  }

  function selector(node: SyntaxNode, depth: number): Value {
    const base = node.firstChild;
    const field = node.lastChild;
    if (!base || !field) return unknown('selector');
    // The grammar binds `90 * time.Second` as `(90 * time).Second`: re-associate the selector onto the right operand.
    if (base.name === 'BinaryExp' && base.firstChild?.nextSibling?.nextSibling) {
      const op = base.firstChild.nextSibling;
      const right = op.nextSibling!;
      const rq = qualify(right);
      const value = rq === 'time' && DURATIONS[src(field)] !== undefined ? { k: 'num' as const, v: DURATIONS[src(field)]! } : unknown(`${src(node).slice(0, 30)} is read at run time`);
      return arith(src(op), evaluate(base.firstChild, depth + 1), value);
    }
    const q = qualify(node);
    if (q !== null) {
      if (q.startsWith('time.') && DURATIONS[q.slice(5)] !== undefined) return { k: 'num', v: DURATIONS[q.slice(5)]! };
      if (q === 'net/http.DefaultClient') return { k: 'obj', obj: newSite(node, 'http.DefaultClient') };
      if (q === 'net/http.DefaultTransport') return { k: 'obj', obj: defaultTransportSite(node) };
      if (q === 'net/http.DefaultMaxIdleConnsPerHost') return { k: 'num', v: 2 };
    }
    return unknown(`${src(node).slice(0, 40)} is read at run time`);
  }

  /** `t.Field = v` on a Transport or Client the file built (or on http.DefaultTransport): the field is set. */
  function fieldAssignment(node: SyntaxNode): void {
    const target = node.firstChild;
    const op = target?.nextSibling;
    if (target?.name !== 'SelectorExpr' || !op || src(op) !== '=' || !target.firstChild || !target.lastChild || node.lastChild === op) return;
    const base = isDefaultTransport(target.firstChild) ? ({ k: 'obj', obj: defaultTransportSite(target.firstChild) } as const) : evaluate(target.firstChild, 1);
    if (base.k !== 'obj' || base.obj.ctor === 'http.DefaultClient') return;
    base.obj.kw.set(src(target.lastChild), evaluate(node.lastChild!, 1));
  }

  function functionOf(fn: SyntaxNode): { name: string; handler: boolean } {
    const params: string[] = [];
    const first = fn.getChildren('Parameters')[fn.name === 'MethodDecl' ? 1 : 0];
    for (const p of first?.getChildren('Parameter') ?? []) {
      const type = p.lastChild;
      if (type) params.push(src(type).replace(/\s+/g, ''));
    }
    const handler = params.some((t) => HANDLER_PARAM.test(t));
    const own = fn.getChild('DefName') ?? fn.getChild('FieldName');
    if (own) return { name: src(own), handler };
    const parent = fn.parent;
    if (parent?.name === 'VarDecl' || parent?.name === 'VarSpec') {
      const d = parent.getChild('DefName');
      if (d) return { name: src(d), handler };
    }
    if (parent?.name === 'Arguments' && parent.parent?.firstChild) {
      const callee = src(parent.parent.firstChild).slice(0, 40);
      return { name: `the callback of ${callee}`, handler: handler || /\.(HandleFunc|Handle|GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Patch|Delete|Any)$/.test(callee) };
    }
    return { name: 'function', handler };
  }

  function contextOf(node: SyntaxNode): SiteContext {
    let bound: string | null = null;
    let returned = false;
    let fn: SyntaxNode | null = null;
    let statementSeen = false;
    for (let child = node, p = node.parent; p; child = p, p = p.parent) {
      if (!statementSeen) {
        if (p.name === 'VarDecl' || p.name === 'VarSpec') {
          let def = child.prevSibling;
          while (def && def.name !== 'DefName') def = def.prevSibling;
          bound = def ? src(def) : null;
          statementSeen = true;
        } else if (p.name === 'Assignment' && child.from === p.lastChild?.from) { bound = p.firstChild ? src(p.firstChild) : null; statementSeen = true; }
        else if (p.name === 'ReturnStatement') { returned = true; statementSeen = true; }
        else if (p.name === 'Block' || p.name === 'SourceFile') statementSeen = true;
      }
      if (FUNCTIONS.has(p.name)) { fn = p; break; }
    }
    if (!fn) return { perCall: null, bound, managed: false };
    const { name, handler } = functionOf(fn);
    const outer = bound !== null && (bound.includes('.') || !scopeOf(fn).declared.has(bound));
    // A function literal handed to sync.Once's Do runs once.
    const once = fn.name === 'FunctionLiteral' && fn.parent?.name === 'Arguments' && /\.Do$/.test(src(fn.parent.parent?.firstChild ?? fn));
    if (!handler && (GO_ONCE_NAMES.test(name) || returned || outer || once)) return { perCall: null, bound, managed: false };
    if (handler && outer) return { perCall: null, bound, managed: false };
    return { perCall: { fn: name, handler }, bound, managed: false };
  }

  for (const node of visits) {
    if (node.name === 'Assignment') fieldAssignment(node);
    else if (node.name === 'CallExpr') evalCall(node, 0);
    else if (node.name === 'TypedLiteral') literal(node, 0);
    else if (node.name === 'SelectorExpr' && qualify(node) === 'net/http.DefaultClient') selector(node, 0);
  }
  const all = [...sites.values(), ...(defaultTransport ? [defaultTransport] : [])];
  return { sites: all.sort((a, b) => a.at - b.at), globalDispatchers: [], closed: new Set() };
}
