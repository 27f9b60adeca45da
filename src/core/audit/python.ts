/**
 * The Python front end: reads a file with the real grammar (@lezer/python) and evaluates the
 * arguments of every constructor it knows, without running anything.
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import { ONCE_NAMES, PY_BARE, PY_CTORS, ROUTE_METHODS } from './ctors.ts';
import type { ObjectSite, ParsedFile, SiteContext, Value } from './types.ts';
import { arith, envFallback, lineIndex, MAX_DEPTH, parseNumber, toNumber, unknown, unsetEnv, valueOfAssignments, signed } from './values.ts';

const SCOPE_BOUNDARY = new Set(['FunctionDefinition', 'ClassDefinition', 'LambdaExpression']);
/** A name bound by something the audit cannot evaluate (a parameter, a loop, `+=`). */
const OPAQUE = null;

interface Scope {
  node: SyntaxNode;
  values: Map<string, (SyntaxNode | typeof OPAQUE)[]>;
  globals: Set<string>;
}

export function readPython(text: string): ParsedFile {
  const tree = parser.parse(text);
  const lineOf = lineIndex(text);
  const src = (n: SyntaxNode): string => text.slice(n.from, n.to);
  const aliases = new Map<string, string>();
  const scopes = new Map<number, Scope>();
  const sites = new Map<number, ObjectSite>();
  const resolving = new Set<number>();
  const closed = new Set<string>();

  const calls: SyntaxNode[] = [];
  const cursor = tree.cursor();
  do {
    if (cursor.name === 'ImportStatement') readImport(cursor.node);
    else if (cursor.name === 'CallExpression') calls.push(cursor.node);
  } while (cursor.next());

  function readImport(node: SyntaxNode): void {
    const parts: string[] = [];
    for (let c = node.firstChild; c; c = c.nextSibling) parts.push(c.name === 'VariableName' ? `$${src(c)}` : src(c));
    const isFrom = parts[0] === 'from';
    const importAt = parts.indexOf('import');
    const from = isFrom ? parts.slice(1, importAt).join('').replace(/\$/g, '') : '';
    if (from.startsWith('.')) return;
    let i = isFrom ? importAt + 1 : 1;
    while (i < parts.length) {
      let name = '';
      while (i < parts.length && parts[i] !== ',' && parts[i] !== 'as') name += parts[i++]!.replace(/^\$/, '');
      let local = name.split('.')[0]!;
      let target = isFrom ? `${from}.${name}` : name.split('.')[0]!;
      if (parts[i] === 'as') {
        local = (parts[i + 1] ?? '').replace(/^\$/, '');
        target = isFrom ? `${from}.${name}` : name;
        i += 2;
      }
      if (name && name !== '(' && local) aliases.set(local, target);
      i++;
    }
  }

  function scopeOf(node: SyntaxNode): Scope {
    const cached = scopes.get(node.from * 4 + (node.name === 'Script' ? 0 : 1));
    if (cached) return cached;
    const scope: Scope = { node, values: new Map(), globals: new Set() };
    const bind = (name: string, value: SyntaxNode | typeof OPAQUE): void => {
      const list = scope.values.get(name) ?? [];
      list.push(value);
      scope.values.set(name, list);
    };
    if (node.name === 'FunctionDefinition') {
      const params = node.getChild('ParamList');
      for (let c = params?.firstChild ?? null; c; c = c.nextSibling) if (c.name === 'VariableName') bind(src(c), OPAQUE);
    }
    const body = node.name === 'Script' ? node : node.getChild('Body');
    const walk = (n: SyntaxNode): void => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (SCOPE_BOUNDARY.has(c.name)) {
          const name = c.getChild('VariableName');
          if (name) bind(src(name), OPAQUE);
          continue;
        }
        if (c.name === 'AssignStatement') {
          const kids = c.getChildren('AssignOp');
          const target = c.firstChild;
          if (kids.length === 1 && target?.name === 'VariableName') bind(src(target), c.lastChild);
          else for (const v of c.getChildren('VariableName')) if (v.to <= (kids[0]?.from ?? 0)) bind(src(v), OPAQUE);
        } else if (c.name === 'UpdateStatement' || c.name === 'ForStatement') {
          const target = c.getChild('VariableName');
          if (target) bind(src(target), OPAQUE);
        } else if (c.name === 'WithStatement') {
          for (let k = c.firstChild; k; k = k.nextSibling) {
            if (k.name === 'as' && k.nextSibling?.name === 'VariableName' && k.prevSibling) bind(src(k.nextSibling), k.prevSibling);
          }
        } else if (c.name === 'ScopeStatement') {
          for (const v of c.getChildren('VariableName')) scope.globals.add(src(v));
        }
        walk(c);
      }
    };
    if (body) walk(body);
    scopes.set(node.from * 4 + (node.name === 'Script' ? 0 : 1), scope);
    return scope;
  }

  function scopeChain(node: SyntaxNode): Scope[] {
    const chain: Scope[] = [];
    for (let p: SyntaxNode | null = node.parent; p; p = p.parent) {
      if (p.name === 'FunctionDefinition' || p.name === 'Script') chain.push(scopeOf(p));
    }
    return chain;
  }

  function qualify(node: SyntaxNode): string | null {
    if (node.name === 'VariableName') {
      const name = src(node);
      return aliases.get(name) ?? PY_BARE[name] ?? name;
    }
    if (node.name === 'MemberExpression') {
      const prop = node.getChild('PropertyName');
      const base = node.firstChild;
      if (!prop || !base) return null;
      const q = qualify(base);
      return q === null ? null : `${q}.${src(prop)}`;
    }
    return null;
  }

  function lookup(name: string, at: SyntaxNode, depth: number): Value {
    for (const scope of scopeChain(at)) {
      if (scope.globals.has(name)) continue;
      const values = scope.values.get(name);
      if (!values) continue;
      return valueOfAssignments(name, values, resolving, (v) => evaluate(v, depth + 1));
    }
    return unknown(`${name} is not defined in this file`);
  }

  interface Args { kw: Map<string, Value>; pos: Value[] }
  function args(call: SyntaxNode, depth: number): Args {
    const kw = new Map<string, Value>();
    const pos: Value[] = [];
    const list = call.getChild('ArgList');
    for (let c = list?.firstChild ?? null; c; c = c.nextSibling) {
      if (c.name === '(' || c.name === ')' || c.name === ',') continue;
      if (c.name === '*' || c.name === '**') {
        kw.set('**', unknown(`${src(c)}${c.nextSibling ? src(c.nextSibling).slice(0, 30) : ''} unpacked`));
        c = c.nextSibling ?? c;
        continue;
      }
      if (c.name === 'VariableName' && c.nextSibling?.name === 'AssignOp' && c.nextSibling.nextSibling) {
        kw.set(src(c), evaluate(c.nextSibling.nextSibling, depth + 1));
        c = c.nextSibling.nextSibling;
        continue;
      }
      pos.push(evaluate(c, depth + 1));
    }
    return { kw, pos };
  }

  function evalCall(node: SyntaxNode, depth: number): Value {
    const callee = node.firstChild;
    const q = callee ? qualify(callee) : null;
    if (q === null) return unknown(`call ${src(node).slice(0, 30)}`);
    if (PY_CTORS.has(q)) return { k: 'obj', obj: site(node, q, depth) };
    const { kw, pos } = args(node, depth);
    if (q === 'os.getenv' || q === 'os.environ.get') {
      const name = pos[0];
      if (name?.k !== 'str') return unknown('environment variable read by a computed name');
      const fallback = pos[1] ?? kw.get('default');
      return fallback ? envFallback(name.v, fallback) : unknown(`environment variable ${name.v} with no default`);
    }
    if (q === 'int' || q === 'float') return pos[0] ? toNumber(pos[0], q === 'int') : { k: 'num', v: 0 };
    // typing.cast(T, value) returns value unchanged: `http_client=cast(Any, httpx.AsyncClient())` (openai's httpx2.md).
    if (q === 'typing.cast') return pos[1] ?? unknown('cast() without a value');
    if ((q === 'min' || q === 'max') && pos.length >= 2) {
      if (pos.some((p) => p.k !== 'num')) return pos.find((p) => p.k === 'unknown') ?? unknown(`${q}() of non-numbers`);
      const nums = pos.map((p) => (p as { v: number }).v);
      return { k: 'num', v: q === 'min' ? Math.min(...nums) : Math.max(...nums) };
    }
    return unknown(`${q.slice(0, 40)}() is not evaluated`);
  }

  function site(node: SyntaxNode, ctor: string, depth: number): ObjectSite {
    const known = sites.get(node.from);
    if (known) return known;
    const placeholder: ObjectSite = { ctor, kw: new Map(), pos: [], line: lineOf(node.from), at: node.from, context: contextOf(node) };
    sites.set(node.from, placeholder);
    const { kw, pos } = args(node, depth);
    placeholder.kw = kw;
    placeholder.pos = pos;
    return placeholder;
  }

  function evaluate(node: SyntaxNode, depth = 0): Value {
    if (depth > MAX_DEPTH) return unknown('expression too deep');
    switch (node.name) {
      case 'Number':
        return parseNumber(src(node));
      case 'String': {
        const m = /^([rRbBuU]{0,2})('''|"""|'|")([\s\S]*)\2$/.exec(src(node));
        return m ? { k: 'str', v: m[3]! } : unknown('string');
      }
      case 'Boolean':
        return { k: 'bool', v: src(node) === 'True' };
      case 'None':
        return { k: 'none' };
      case 'VariableName':
        return lookup(src(node), node, depth);
      case 'ParenthesizedExpression':
        return node.firstChild?.nextSibling ? evaluate(node.firstChild.nextSibling, depth + 1) : unknown('()');
      case 'UnaryExpression': {
        const op = node.firstChild;
        return signed(op ? src(op) : undefined, op?.nextSibling ? evaluate(op.nextSibling, depth + 1) : unknown('operand'));
      }
      case 'BinaryExpression': {
        const left = node.firstChild;
        const op = left?.nextSibling;
        const right = op?.nextSibling;
        if (!left || !op || !right) return unknown('expression');
        const a = evaluate(left, depth + 1);
        const opText = src(op);
        if (opText === 'or') {
          const unset = unsetEnv(a);
          if (unset !== null) return envFallback(unset, evaluate(right, depth + 1));
          if (a.k === 'unknown') return a;
          const truthy = (a.k === 'num' && a.v !== 0) || (a.k === 'str' && a.v !== '') || (a.k === 'bool' && a.v) || a.k === 'obj' || a.k === 'dict';
          return truthy ? a : evaluate(right, depth + 1);
        }
        return arith(opText, a, evaluate(right, depth + 1));
      }
      case 'CallExpression':
        return evalCall(node, depth);
      case 'MemberExpression': {
        const t = src(node);
        const env = /^os\.environ\[\s*(['"])([^'"]*)\1\s*\]$/.exec(t);
        return env ? unknown(`environment variable ${env[2]} (required)`) : unknown(`${t.slice(0, 40)} is read at run time`);
      }
      default:
        return unknown(`${src(node).slice(0, 30)} is not evaluated`);
    }
  }

  function contextOf(node: SyntaxNode): SiteContext {
    let bound: string | null = null;
    let managed = false;
    let returned = false;
    let fn: SyntaxNode | null = null;
    let statementSeen = false;
    for (let child = node, p = node.parent; p; child = p, p = p.parent) {
      if (!statementSeen) {
        if (p.name === 'WithStatement' && child.name !== 'Body') { managed = true; statementSeen = true; }
        else if (p.name === 'AssignStatement' && child.from === p.lastChild?.from) { bound = p.firstChild ? src(p.firstChild) : null; statementSeen = true; }
        else if (p.name === 'ReturnStatement') { returned = true; statementSeen = true; }
        else if (p.name === 'Body' || p.name === 'Script') statementSeen = true;
      }
      if (p.name === 'FunctionDefinition' || p.name === 'LambdaExpression') { fn = p; break; }
    }
    if (!fn) return { perCall: null, bound, managed };
    const nameNode = fn.getChild('VariableName');
    const name = fn.name === 'LambdaExpression' ? 'lambda' : nameNode ? src(nameNode) : 'function';
    const decorators = fn.parent?.name === 'DecoratedStatement' ? fn.parent.getChildren('Decorator').map(src) : [];
    const once =
      ONCE_NAMES.test(name) ||
      decorators.some((d) => /on_event\(\s*['"]startup|lru_cache|\bcache\b|cached_property|before_serving|on_startup/.test(d)) ||
      returned ||
      (bound !== null && (bound.includes('.') || scopeOf(fn).globals.has(bound)));
    if (once) return { perCall: null, bound, managed };
    const handler = decorators.some((d) => {
      const m = /\.([A-Za-z_]+)\s*\(/.exec(d);
      return m !== null && ROUTE_METHODS.test(m[1]!);
    });
    return { perCall: { fn: name, handler }, bound, managed };
  }

  for (const call of calls) {
    const q = call.firstChild ? qualify(call.firstChild) : null;
    if (q !== null && PY_CTORS.has(q)) evalCall(call, 0);
    const callee = call.firstChild;
    if (callee?.name === 'MemberExpression') {
      const prop = callee.getChild('PropertyName');
      if (prop && /^(aclose|close)$/.test(src(prop)) && callee.firstChild) closed.add(src(callee.firstChild));
    }
  }
  return { sites: [...sites.values()].sort((a, b) => a.at - b.at), globalDispatchers: [], closed };
}
