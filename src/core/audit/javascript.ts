/**
 * The JavaScript/TypeScript front end: reads a file with the real grammar (@lezer/javascript) and
 * evaluates the options of every undici dispatcher and Node SDK client it knows, without running anything.
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/javascript';
import { HANDLER_NAMES, JS_BARE, JS_CTORS, JS_DEFAULTS, jsModule, ONCE_NAMES, ROUTE_METHODS } from './ctors.ts';
import type { ObjectSite, ParsedFile, SiteContext, Value, NameScope } from './types.ts';
import { arith, envFallback, lineIndex, MAX_DEPTH, parseNumber, toNumber, unknown, unsetEnv, valueOfAssignments, signed } from './values.ts';

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunction', 'MethodDeclaration']);

type Scope = NameScope<SyntaxNode>;

export function dialectFor(name: string): string {
  if (/\.tsx$/i.test(name)) return 'ts jsx';
  if (/\.[mc]?ts$/i.test(name)) return 'ts';
  return 'jsx';
}

export function readJavaScript(text: string, dialect = 'ts'): ParsedFile {
  const tree = parser.configure({ dialect }).parse(text);
  const lineOf = lineIndex(text);
  const src = (n: SyntaxNode): string => text.slice(n.from, n.to);
  const aliases = new Map<string, string>();
  const scopes = new Map<number, Scope>();
  const sites = new Map<number, ObjectSite>();
  const resolving = new Set<number>();
  const closed = new Set<string>();
  const globalDispatchers: ParsedFile['globalDispatchers'] = [];

  const calls: SyntaxNode[] = [];
  const cursor = tree.cursor();
  do {
    if (cursor.name === 'ImportDeclaration') readImport(cursor.node);
    else if (cursor.name === 'VariableDeclaration') readRequire(cursor.node);
    else if (cursor.name === 'CallExpression' || cursor.name === 'NewExpression') calls.push(cursor.node);
  } while (cursor.next());

  function unquote(n: SyntaxNode): string {
    return src(n).slice(1, -1);
  }

  function readImport(node: SyntaxNode): void {
    const from = node.getChild('String');
    if (!from) return;
    const mod = jsModule(unquote(from));
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name === 'VariableDefinition') {
        aliases.set(src(c), c.prevSibling?.name === 'as' ? mod : (JS_DEFAULTS[mod] ?? `${mod}.default`));
      } else if (c.name === 'ImportGroup') {
        for (let k = c.firstChild; k; k = k.nextSibling) {
          if (k.name !== 'VariableDefinition') continue;
          const original = k.prevSibling?.name === 'as' && k.prevSibling.prevSibling ? src(k.prevSibling.prevSibling) : src(k);
          aliases.set(src(k), original === 'default' ? (JS_DEFAULTS[mod] ?? `${mod}.default`) : `${mod}.${original}`);
        }
      }
    }
  }

  function readRequire(node: SyntaxNode): void {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name !== 'Equals') continue;
      const value = c.nextSibling;
      const target = c.prevSibling;
      if (value?.name !== 'CallExpression' || !target || src(value.firstChild ?? value) !== 'require') continue;
      const arg = value.getChild('ArgList')?.getChild('String');
      if (!arg) continue;
      const mod = jsModule(unquote(arg));
      if (target.name === 'VariableDefinition') aliases.set(src(target), JS_DEFAULTS[mod] ?? mod);
      else if (target.name === 'ObjectPattern') {
        for (const p of target.getChildren('PatternProperty')) {
          const local = p.getChild('VariableDefinition');
          const prop = p.getChild('PropertyName') ?? local;
          if (local && prop) aliases.set(src(local), `${mod}.${src(prop)}`);
        }
      }
    }
  }

  function scopeOf(node: SyntaxNode): Scope {
    const cached = scopes.get(node.from);
    if (cached && node.name !== 'Script') return cached;
    if (node.name === 'Script' && scopes.has(-1)) return scopes.get(-1)!;
    const scope: Scope = { values: new Map(), declared: new Set() };
    const bind = (name: string, value: SyntaxNode | null): void => {
      scope.values.set(name, [...(scope.values.get(name) ?? []), value]);
    };
    const params = node.getChild('ParamList');
    if (params) {
      const walkParams = (n: SyntaxNode): void => {
        for (let c = n.firstChild; c; c = c.nextSibling) {
          if (c.name === 'VariableDefinition') { bind(src(c), null); scope.declared.add(src(c)); }
          else walkParams(c);
        }
      };
      walkParams(params);
    }
    const walk = (n: SyntaxNode): void => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (FUNCTIONS.has(c.name) || c.name === 'ClassDeclaration') {
          const name = c.getChild('VariableDefinition');
          if (name) { bind(src(name), null); scope.declared.add(src(name)); }
          continue;
        }
        if (c.name === 'VariableDeclaration') {
          for (let k = c.firstChild; k; k = k.nextSibling) {
            if (k.name === 'VariableDefinition') {
              scope.declared.add(src(k));
              const eq = k.nextSibling?.name === 'TypeAnnotation' ? k.nextSibling.nextSibling : k.nextSibling;
              bind(src(k), eq?.name === 'Equals' ? eq.nextSibling : null);
            } else if (k.name === 'ObjectPattern' || k.name === 'ArrayPattern') {
              for (const d of k.getChildren('VariableDefinition')) { scope.declared.add(src(d)); bind(src(d), null); }
            }
          }
        } else if (c.name === 'AssignmentExpression' && c.firstChild?.name === 'VariableName') {
          const op = c.firstChild.nextSibling;
          bind(src(c.firstChild), op && (src(op) === '=' || src(op) === '??=' || src(op) === '||=') ? c.lastChild : null);
        } else if (c.name === 'UpdateExpression' || c.name === 'ForOfSpec' || c.name === 'ForInSpec') {
          const v = c.getChild('VariableName') ?? c.getChild('VariableDefinition');
          if (v) bind(src(v), null);
        }
        walk(c);
      }
    };
    const body = node.name === 'Script' ? node : (node.getChild('Block') ?? node.lastChild);
    if (body) walk(body);
    scopes.set(node.name === 'Script' ? -1 : node.from, scope);
    return scope;
  }

  function scopeChain(node: SyntaxNode): Scope[] {
    const chain: Scope[] = [];
    for (let p: SyntaxNode | null = node.parent; p; p = p.parent) if (FUNCTIONS.has(p.name) || p.name === 'Script') chain.push(scopeOf(p));
    return chain;
  }

  function qualify(node: SyntaxNode): string | null {
    if (node.name === 'VariableName') {
      const name = src(node);
      const local = scopeChain(node).some((s) => s.declared.has(name) && !aliases.has(name));
      return aliases.get(name) ?? (local ? name : (JS_BARE[name] ?? name));
    }
    if (node.name === 'MemberExpression') {
      const prop = node.getChild('PropertyName');
      const base = node.firstChild;
      if (!prop || !base) return null;
      const q = qualify(base);
      return q === null ? null : `${q}.${src(prop)}`;
    }
    if (node.name === 'ParenthesizedExpression' && node.firstChild?.nextSibling) return qualify(node.firstChild.nextSibling);
    return null;
  }

  function lookup(name: string, at: SyntaxNode, depth: number): Value {
    if (name === 'undefined') return { k: 'none' };
    for (const scope of scopeChain(at)) {
      const values = scope.values.get(name);
      if (!values) continue;
      return valueOfAssignments(name, values, resolving, (v) => evaluate(v, depth + 1));
    }
    return unknown(`${name} is not defined in this file`);
  }

  function argValues(call: SyntaxNode, depth: number): Value[] {
    const out: Value[] = [];
    const list = call.getChild('ArgList');
    for (let c = list?.firstChild ?? null; c; c = c.nextSibling) {
      if (c.name === '(' || c.name === ')' || c.name === ',') continue;
      if (c.name === 'Spread') { out.push(unknown('spread arguments')); c = c.nextSibling ?? c; continue; }
      out.push(evaluate(c, depth + 1));
    }
    return out;
  }

  function evalCall(node: SyntaxNode, depth: number): Value {
    const callee = node.name === 'NewExpression' ? node.firstChild?.nextSibling : node.firstChild;
    const q = callee ? qualify(callee) : null;
    if (q === null) return unknown(`call ${src(node).slice(0, 30)}`);
    if (JS_CTORS.has(q)) return { k: 'obj', obj: site(node, q, depth) };
    const pos = argValues(node, depth);
    if (q === 'Number' || q === 'parseInt' || q === 'parseFloat') return pos[0] ? toNumber(pos[0], q === 'parseInt') : { k: 'num', v: 0 };
    if ((q === 'Math.min' || q === 'Math.max') && pos.length >= 2) {
      if (pos.some((p) => p.k !== 'num')) return pos.find((p) => p.k === 'unknown') ?? unknown(`${q}() of non-numbers`);
      const nums = pos.map((p) => (p as { v: number }).v);
      return { k: 'num', v: q === 'Math.min' ? Math.min(...nums) : Math.max(...nums) };
    }
    return unknown(`${q.slice(0, 40)}() is not evaluated`);
  }

  function site(node: SyntaxNode, ctor: string, depth: number): ObjectSite {
    const known = sites.get(node.from);
    if (known) return known;
    const placeholder: ObjectSite = { ctor, kw: new Map(), pos: [], line: lineOf(node.from), at: node.from, context: contextOf(node) };
    sites.set(node.from, placeholder);
    placeholder.pos = argValues(node, depth);
    return placeholder;
  }

  function objectValue(node: SyntaxNode, depth: number): Value {
    const kw = new Map<string, Value>();
    for (const p of node.getChildren('Property')) {
      const key = p.firstChild;
      if (!key) continue;
      if (key.name === 'Spread') { kw.set('...', unknown(`${src(p).slice(0, 30)} spread`)); continue; }
      const name = key.name === 'String' ? unquote(key) : src(key);
      const value = key.nextSibling?.name === ':' ? key.nextSibling.nextSibling : null;
      kw.set(name, value ? evaluate(value, depth + 1) : key.name === 'PropertyDefinition' && !key.nextSibling ? lookup(name, p, depth) : unknown(`${name} is a method`));
    }
    return { k: 'dict', kw };
  }

  function evaluate(node: SyntaxNode, depth = 0): Value {
    if (depth > MAX_DEPTH) return unknown('expression too deep');
    switch (node.name) {
      case 'Number':
        return parseNumber(src(node));
      case 'String':
        return { k: 'str', v: unquote(node) };
      case 'TemplateString': {
        const t = src(node);
        return t.includes('${') ? unknown('template string') : { k: 'str', v: t.slice(1, -1) };
      }
      case 'BooleanLiteral':
        return { k: 'bool', v: src(node) === 'true' };
      case 'null':
        return { k: 'none' };
      case 'VariableName':
        return lookup(src(node), node, depth);
      case 'ObjectExpression':
        return objectValue(node, depth);
      case 'ParenthesizedExpression':
      case 'PostfixExpression':
        return node.firstChild ? evaluate(node.firstChild.name === '(' ? (node.firstChild.nextSibling ?? node.firstChild) : node.firstChild, depth + 1) : unknown('()');
      case 'UnaryExpression': {
        const op = node.firstChild;
        return signed(op ? src(op) : undefined, op?.nextSibling ? evaluate(op.nextSibling, depth + 1) : unknown('operand'), (x) => toNumber(x, false));
      }
      case 'BinaryExpression': {
        const left = node.firstChild;
        const op = left?.nextSibling;
        const right = op?.nextSibling;
        if (!left || !op) return unknown('expression');
        const opText = src(op);
        if (opText === 'as' || opText === 'satisfies') return evaluate(left, depth + 1);
        if (!right) return unknown('expression');
        const a = evaluate(left, depth + 1);
        if (opText === '??' || opText === '||') {
          const unset = unsetEnv(a);
          if (unset !== null) return envFallback(unset, evaluate(right, depth + 1));
          if (a.k === 'unknown') return a;
          if (opText === '??') return a.k === 'none' ? evaluate(right, depth + 1) : a;
          const truthy = (a.k === 'num' && a.v !== 0) || (a.k === 'str' && a.v !== '') || (a.k === 'bool' && a.v) || a.k === 'obj' || a.k === 'dict';
          return truthy ? a : evaluate(right, depth + 1);
        }
        return arith(opText, a, evaluate(right, depth + 1));
      }
      case 'CallExpression':
      case 'NewExpression':
        return evalCall(node, depth);
      case 'MemberExpression': {
        const t = src(node).replace(/\s+/g, '');
        const env = /^process\.env(?:\.([A-Za-z_$][\w$]*)|\[(['"`])([^'"`]*)\2\])$/.exec(t);
        return env ? unknown(`environment variable ${env[1] ?? env[3]} with no default`) : unknown(`${t.slice(0, 40)} is read at run time`);
      }
      default:
        return unknown(`${src(node).slice(0, 30)} is not evaluated`);
    }
  }

  function functionName(fn: SyntaxNode): { name: string; handler: boolean } {
    const own = fn.getChild('VariableDefinition') ?? fn.getChild('PropertyDefinition');
    if (own) return { name: src(own), handler: HANDLER_NAMES.test(src(own)) };
    const parent = fn.parent;
    if (parent?.name === 'VariableDeclaration' && fn.prevSibling?.name === 'Equals' && fn.prevSibling.prevSibling) {
      const name = src(fn.prevSibling.prevSibling);
      return { name, handler: HANDLER_NAMES.test(name) };
    }
    if (parent?.name === 'ArgList' && parent.parent) {
      const callee = parent.parent.firstChild;
      const prop = callee?.name === 'MemberExpression' ? callee.getChild('PropertyName') : null;
      const label = callee ? src(callee).slice(0, 40) : 'a call';
      return { name: `the callback of ${label}`, handler: prop !== null && ROUTE_METHODS.test(src(prop)) };
    }
    return { name: 'function', handler: false };
  }

  function contextOf(node: SyntaxNode): SiteContext {
    let bound: string | null = null;
    let returned = false;
    let fn: SyntaxNode | null = null;
    let statementSeen = false;
    for (let child = node, p = node.parent; p; child = p, p = p.parent) {
      if (!statementSeen) {
        if (p.name === 'VariableDeclaration') {
          let def = child.prevSibling;
          while (def && def.name !== 'VariableDefinition') def = def.prevSibling;
          bound = def ? src(def) : null;
          statementSeen = true;
        } else if (p.name === 'AssignmentExpression' && child.from === p.lastChild?.from) { bound = p.firstChild ? src(p.firstChild) : null; statementSeen = true; }
        else if (p.name === 'ReturnStatement') { returned = true; statementSeen = true; }
        else if (p.name === 'ArrowFunction' && child.from === p.lastChild?.from && child.name !== 'Block') { returned = true; statementSeen = true; }
        else if (p.name === 'Block' || p.name === 'Script') statementSeen = true;
      }
      if (FUNCTIONS.has(p.name)) { fn = p; break; }
    }
    if (!fn) return { perCall: null, bound, managed: false };
    const { name, handler } = functionName(fn);
    const outer = bound !== null && (bound.includes('.') || !scopeOf(fn).declared.has(bound));
    if (!handler && (ONCE_NAMES.test(name) || returned || outer)) return { perCall: null, bound, managed: false };
    if (handler && outer) return { perCall: null, bound, managed: false };
    return { perCall: { fn: name, handler }, bound, managed: false };
  }

  for (const call of calls) {
    const callee = call.name === 'NewExpression' ? call.firstChild?.nextSibling : call.firstChild;
    const q = callee ? qualify(callee) : null;
    if (q !== null && JS_CTORS.has(q)) evalCall(call, 0);
    if (q === 'undici.setGlobalDispatcher') {
      const [value] = argValues(call, 0);
      if (value) globalDispatchers.push({ line: lineOf(call.from), value });
    }
    if (callee?.name === 'MemberExpression') {
      const prop = callee.getChild('PropertyName');
      if (prop && /^(close|destroy)$/.test(src(prop)) && callee.firstChild) closed.add(src(callee.firstChild));
    }
  }
  return { sites: [...sites.values()].sort((a, b) => a.at - b.at), globalDispatchers, closed };
}
