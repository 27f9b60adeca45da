/**
 * The Java front end: reads a file with the real grammar (@lezer/java) and evaluates every OkHttp
 * client, builder, ConnectionPool and Dispatcher it builds, and the OpenAI / Anthropic Java SDK
 * builders, without running anything. A call on an object the file built is recorded on it (builder
 * steps, Dispatcher setters); durations are seconds.
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/java';
import { JAVA_HANDLER_ANNOTATIONS, JAVA_HANDLER_NAMES, JAVA_ONCE_ANNOTATIONS, JAVA_ONCE_NAMES, ROUTE_METHODS } from './ctors.ts';
import type { ObjectSite, ParsedFile, SiteContext, Value, NameScope } from './types.ts';
import { arith, envFallback, lineIndex, MAX_DEPTH, parseNumber, toNumber, unknown, valueOfAssignments, signed } from './values.ts';

const FUNCTIONS = new Set(['MethodDeclaration', 'ConstructorDeclaration', 'LambdaExpression', 'StaticInitializer']);
const SCOPES = new Set([...FUNCTIONS, 'ClassBody', 'Program']);
/** TimeUnit constants in seconds. */
const UNITS: Readonly<Record<string, number>> = { NANOSECONDS: 1e-9, MICROSECONDS: 1e-6, MILLISECONDS: 1e-3, SECONDS: 1, MINUTES: 60, HOURS: 3600, DAYS: 86_400 };
const DURATION_OF: Readonly<Record<string, number>> = { ofNanos: 1e-9, ofMillis: 1e-3, ofSeconds: 1, ofMinutes: 60, ofHours: 3600, ofDays: 86_400 };
/** Classes the audit builds, by simple name (a package prefix such as `okhttp3.` is dropped). */
const CTORS = new Set(['OkHttpClient', 'OkHttpClient.Builder', 'ConnectionPool', 'Dispatcher']);
const SDKS: Readonly<Record<string, string>> = { OpenAIOkHttpClient: 'OpenAIOkHttpClient', OpenAIOkHttpClientAsync: 'OpenAIOkHttpClient', AnthropicOkHttpClient: 'AnthropicOkHttpClient', AnthropicOkHttpClientAsync: 'AnthropicOkHttpClient' };

type Scope = NameScope<SyntaxNode>;

/** `okhttp3.OkHttpClient.Builder` → `OkHttpClient.Builder`: package segments start lower-case. */
const simpleName = (t: string): string => t.replace(/\s+/g, '').replace(/<.*$/, '').replace(/^([a-z_$][\w$]*\.)+/, '');

export function readJava(text: string): ParsedFile {
  const tree = parser.parse(text);
  const lineOf = lineIndex(text);
  const src = (n: SyntaxNode): string => text.slice(n.from, n.to);
  const scopes = new Map<number, Scope>();
  const sites = new Map<number, ObjectSite>();
  const resolving = new Set<number>();
  /** Offset of the call that last set each recorded method on an object: the later call wins. */
  const setAt = new Map<ObjectSite, Map<string, number>>();

  const visits: SyntaxNode[] = [];
  const methods = new Map<string, SyntaxNode[]>();
  const cursor = tree.cursor();
  do {
    if (cursor.name === 'ObjectCreationExpression' || cursor.name === 'MethodInvocation') visits.push(cursor.node);
    else if (cursor.name === 'MethodDeclaration') {
      const d = cursor.node.getChild('Definition');
      if (d) methods.set(src(d), [...(methods.get(src(d)) ?? []), cursor.node]);
    }
  } while (cursor.next());

  function scopeOf(node: SyntaxNode): Scope {
    const key = node.name === 'Program' ? -1 : node.from;
    const cached = scopes.get(key);
    if (cached) return cached;
    const scope: Scope = { values: new Map(), declared: new Set() };
    const bind = (name: string, value: SyntaxNode | null): void => {
      scope.values.set(name, [...(scope.values.get(name) ?? []), value]);
    };
    for (const p of node.getChild('FormalParameters')?.getChildren('FormalParameter') ?? []) {
      const d = p.getChild('Definition');
      if (d) { scope.declared.add(src(d)); bind(src(d), null); }
    }
    if (node.name === 'LambdaExpression') {
      const d = node.getChild('Definition');
      if (d) { scope.declared.add(src(d)); bind(src(d), null); }
    }
    const isClass = node.name === 'ClassBody';
    const walk = (n: SyntaxNode): void => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.name === 'ClassBody' || (FUNCTIONS.has(c.name) && !isClass)) continue;
        if (isClass && FUNCTIONS.has(c.name)) {
          // Fields assigned in a constructor or method (`this.client = …`, `client = …`) belong to the class.
          collectFieldAssignments(c, scope);
          continue;
        }
        if (c.name === 'VariableDeclarator') {
          const d = c.getChild('Definition');
          const op = c.getChild('AssignOp');
          if (d) {
            scope.declared.add(src(d));
            if (op?.nextSibling) bind(src(d), op.nextSibling);
            else if (!isClass) bind(src(d), null);
          }
        } else if (c.name === 'AssignmentExpression' && !isClass) {
          const target = c.firstChild;
          const op = target?.nextSibling;
          if (target?.name === 'Identifier') bind(src(target), op && src(op) === '=' ? c.lastChild : null);
        } else if (c.name === 'UpdateExpression' || c.name === 'EnhancedForStatement' || c.name === 'CatchClause') {
          for (const d of [...c.getChildren('Identifier'), ...c.getChildren('Definition')]) bind(src(d), null);
        }
        walk(c);
      }
    };
    const body = node.name === 'Program' || isClass ? node : (node.getChild('Block') ?? node.getChild('ConstructorBody') ?? node.lastChild);
    if (body) walk(body);
    scopes.set(key, scope);
    return scope;
  }

  /** Assignments to names a method does not declare itself: they set the enclosing class's fields. */
  function collectFieldAssignments(fn: SyntaxNode, classScope: Scope): void {
    const own = scopeOf(fn);
    const walk = (n: SyntaxNode): void => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.name === 'ClassBody') continue;
        if (c.name === 'AssignmentExpression') {
          const target = c.firstChild;
          const op = target?.nextSibling;
          const name = target?.name === 'Identifier' && !own.declared.has(src(target)) ? src(target) : target?.name === 'FieldAccess' && target.firstChild?.name === 'this' && target.lastChild ? src(target.lastChild) : null;
          if (name) classScope.values.set(name, [...(classScope.values.get(name) ?? []), op && src(op) === '=' ? c.lastChild : null]);
        }
        walk(c);
      }
    };
    walk(fn);
  }

  function scopeChain(node: SyntaxNode): Scope[] {
    const chain: Scope[] = [];
    for (let p: SyntaxNode | null = node.parent; p; p = p.parent) if (SCOPES.has(p.name)) chain.push(scopeOf(p));
    return chain;
  }

  function lookup(name: string, at: SyntaxNode, depth: number): Value {
    for (const scope of scopeChain(at)) {
      const values = scope.values.get(name);
      if (!values) {
        if (scope.declared.has(name)) return unknown(`${name} is never assigned in this file`);
        continue;
      }
      return valueOfAssignments(name, values, resolving, (v) => evaluate(v, depth + 1));
    }
    return unknown(`${name} is not defined in this file`);
  }

  function argValues(node: SyntaxNode, depth: number): Value[] {
    const out: Value[] = [];
    for (let c = node.getChild('ArgumentList')?.firstChild ?? null; c; c = c.nextSibling) {
      if (c.name === '(' || c.name === ')' || c.name === ',') continue;
      out.push(evaluate(c, depth + 1));
    }
    return out;
  }

  function newSite(node: SyntaxNode, ctor: string, depth: number, withArgs: boolean): ObjectSite {
    // Keyed by where the call ends: `new OkHttpClient().newBuilder()` starts two objects at one offset.
    const known = sites.get(node.to);
    if (known) return known;
    const s: ObjectSite = { ctor, kw: new Map(), pos: [], line: lineOf(node.from), at: node.to, context: contextOf(node) };
    sites.set(node.to, s);
    if (withArgs) s.pos = argValues(node, depth);
    return s;
  }

  function creation(node: SyntaxNode, depth: number): Value {
    const type = node.getChild('TypeName') ?? node.getChild('ScopedTypeName') ?? node.getChild('GenericType');
    const name = type ? simpleName(src(type)) : '';
    if (!CTORS.has(name)) return unknown(`new ${name.slice(0, 30)}`);
    return { k: 'obj', obj: newSite(node, `okhttp3.${name}`, depth, true) };
  }

  /** Records `receiver.method(args)` on an object the file built; the later call of one method wins. */
  function record(obj: ObjectSite, method: string, node: SyntaxNode, args: Value[]): void {
    const at = setAt.get(obj) ?? new Map<string, number>();
    setAt.set(obj, at);
    // A chain's calls all start where it starts: the one that ends later was called later.
    if ((at.get(method) ?? -1) > node.to) return;
    at.set(method, node.to);
    obj.kw.set(method, args.length === 1 ? args[0]! : args.length === 0 ? { k: 'bool', v: true } : { k: 'unknown', why: `${method} with ${args.length} arguments` });
  }

  function invocation(node: SyntaxNode, depth: number): Value {
    const nameNode = node.getChild('MethodName');
    const method = nameNode ? src(nameNode) : '';
    const receiver = node.firstChild && node.firstChild.name !== 'MethodName' ? node.firstChild : null;
    if (!receiver) return localCall(node, method, depth);
    const recvText = simpleName(src(receiver));
    const sdk = SDKS[recvText];
    if (sdk && (method === 'builder' || method === 'fromEnv')) return { k: 'obj', obj: newSite(node, sdk, depth, false) };
    if (recvText === 'TimeUnit' && UNITS[method.replace(/^to/, '').toUpperCase()] !== undefined) return unknown(`TimeUnit.${method}`);
    const args = argValues(node, depth);
    if (recvText === 'Duration' && DURATION_OF[method] !== undefined) return args[0] ? arith('*', args[0], { k: 'num', v: DURATION_OF[method]! }) : unknown('Duration');
    if ((recvText === 'Integer' && method === 'parseInt') || (recvText === 'Long' && method === 'parseLong') || (recvText === 'Integer' && method === 'valueOf') || (recvText === 'Long' && method === 'valueOf')) {
      return args[0] ? toNumber(args[0], true) : unknown('parse');
    }
    if (recvText === 'Math' && (method === 'min' || method === 'max') && args.length === 2) {
      if (args.some((a) => a.k !== 'num')) return args.find((a) => a.k === 'unknown') ?? unknown(`Math.${method} of non-numbers`);
      const [a, b] = args as { k: 'num'; v: number }[];
      return { k: 'num', v: method === 'min' ? Math.min(a!.v, b!.v) : Math.max(a!.v, b!.v) };
    }
    if (recvText === 'System' && method === 'getenv') return args[0]?.k === 'str' ? unknown(`environment variable ${args[0].v} with no default`) : unknown('the environment');
    if (method === 'getOrDefault' && src(receiver).replace(/\s+/g, '') === 'System.getenv()') {
      return args[0]?.k === 'str' && args[1] ? envFallback(args[0].v, args[1]) : unknown('environment variable read by a computed name');
    }
    if ((recvText === 'Arrays' && method === 'asList') || (recvText === 'List' && method === 'of') || (recvText === 'Collections' && method === 'singletonList')) {
      return args.every((a) => a.k === 'str') ? { k: 'str', v: args.map((a) => (a as { v: string }).v).join(',') } : unknown('a list built at run time');
    }
    if (recvText === 'Executors' && method === 'newFixedThreadPool') return args[0] ? { ...(args[0].k === 'num' ? args[0] : { k: 'unknown', why: 'thread count set at run time' }) } : unknown('executor');
    const base = evaluate(receiver, depth + 1);
    if (base.k !== 'obj') return unknown(`${src(node).slice(0, 40)} is not evaluated`);
    if (method === 'newBuilder' && base.obj.ctor.startsWith('okhttp3.OkHttpClient')) {
      const derived = newSite(node, 'okhttp3.OkHttpClient.newBuilder', depth, false);
      derived.kw.set('base', base);
      return { k: 'obj', obj: derived };
    }
    record(base.obj, method, node, args);
    return base;
  }

  /** `dispatcher()`: a method of this file with no parameters and one return statement gives that value. */
  function localCall(node: SyntaxNode, method: string, depth: number): Value {
    const no = unknown(`${method.slice(0, 30)}() is not evaluated`);
    if (argCount(node) > 0) return no;
    const decls = methods.get(method) ?? [];
    if (decls.length !== 1) return no;
    const decl = decls[0]!;
    if ((decl.getChild('FormalParameters')?.getChildren('FormalParameter').length ?? 0) > 0) return no;
    const returns: SyntaxNode[] = [];
    const walk = (n: SyntaxNode): void => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.name === 'ReturnStatement') returns.push(c);
        else if (c.name !== 'LambdaExpression' && c.name !== 'ClassBody') walk(c);
      }
    };
    const body = decl.getChild('Block');
    if (body) walk(body);
    const value = returns.length === 1 ? returns[0]!.firstChild?.nextSibling : null;
    if (!value || value.name === ';') return no;
    return valueOfAssignments(`${method}()`, [value], resolving, (v) => evaluate(v, depth + 1));
  }

  function argCount(node: SyntaxNode): number {
    let n = 0;
    for (let c = node.getChild('ArgumentList')?.firstChild ?? null; c; c = c.nextSibling) if (c.name !== '(' && c.name !== ')' && c.name !== ',') n++;
    return n;
  }

  function fieldAccess(node: SyntaxNode, depth: number): Value {
    const t = src(node).replace(/\s+/g, '');
    const unit = /^(?:java\.util\.concurrent\.)?TimeUnit\.([A-Z]+)$/.exec(t);
    if (unit && UNITS[unit[1]!] !== undefined) return { k: 'num', v: UNITS[unit[1]!]! };
    const protocol = /^(?:okhttp3\.)?Protocol\.([A-Z0-9_]+)$/.exec(t);
    if (protocol) return { k: 'str', v: protocol[1]! };
    if (node.firstChild?.name === 'this' && node.lastChild) return lookup(src(node.lastChild), node, depth);
    return unknown(`${t.slice(0, 40)} is read at run time`);
  }

  function evaluate(node: SyntaxNode, depth = 0): Value {
    if (depth > MAX_DEPTH) return unknown('expression too deep');
    switch (node.name) {
      case 'IntegerLiteral': {
        const t = src(node).replace(/_/g, '').replace(/[lL]$/, '');
        if (/^0[bB]/.test(t)) return { k: 'num', v: parseInt(t.slice(2), 2) };
        if (/^0[0-7]+$/.test(t)) return { k: 'num', v: parseInt(t, 8) };
        return parseNumber(t);
      }
      case 'FloatingPointLiteral':
        return parseNumber(src(node).replace(/_/g, '').replace(/[fFdD]$/, ''));
      case 'StringLiteral': {
        const t = src(node);
        return t.includes('\\') ? unknown('string with escapes') : { k: 'str', v: t.slice(1, -1) };
      }
      case 'BooleanLiteral':
        return { k: 'bool', v: src(node) === 'true' };
      case 'null':
        return { k: 'none' };
      case 'Identifier':
        return lookup(src(node), node, depth);
      case 'ParenthesizedExpression':
        return node.firstChild?.nextSibling ? evaluate(node.firstChild.nextSibling, depth + 1) : unknown('()');
      case 'CastExpression':
        return node.lastChild ? evaluate(node.lastChild, depth + 1) : unknown('cast');
      case 'UnaryExpression': {
        const op = node.firstChild;
        return signed(op ? src(op) : undefined, op?.nextSibling ? evaluate(op.nextSibling, depth + 1) : unknown('operand'));
      }
      case 'BinaryExpression': {
        const left = node.firstChild;
        const op = left?.nextSibling;
        const right = op?.nextSibling;
        if (!left || !op || !right) return unknown('expression');
        return arith(src(op), evaluate(left, depth + 1), evaluate(right, depth + 1));
      }
      case 'FieldAccess':
        return fieldAccess(node, depth);
      case 'ObjectCreationExpression':
        return creation(node, depth);
      case 'MethodInvocation':
        return invocation(node, depth);
      default:
        return unknown(`${src(node).slice(0, 30)} is not evaluated`);
    }
  }

  function functionOf(fn: SyntaxNode): { name: string; handler: boolean; once: boolean } {
    if (fn.name === 'StaticInitializer') return { name: 'static', handler: false, once: true };
    if (fn.name === 'ConstructorDeclaration') return { name: 'constructor', handler: false, once: true };
    if (fn.name === 'LambdaExpression') {
      const call = fn.parent?.name === 'ArgumentList' ? fn.parent.parent : null;
      const m = call?.getChild('MethodName');
      return { name: m ? `the lambda passed to ${src(m)}` : 'a lambda', handler: m !== null && m !== undefined && ROUTE_METHODS.test(src(m)), once: m !== null && m !== undefined && /^(computeIfAbsent|get|getOrCreate|memoize)$/.test(src(m)) && !ROUTE_METHODS.test(src(m)) };
    }
    const def = fn.getChild('Definition');
    const name = def ? src(def) : 'method';
    const annotations = (fn.getChild('Modifiers')?.getChildren('Annotation') ?? []).concat(fn.getChild('Modifiers')?.getChildren('MarkerAnnotation') ?? []).map((a) => `@${src(a.getChild('Identifier') ?? a)}`);
    return {
      name,
      handler: JAVA_HANDLER_NAMES.test(name) || annotations.some((a) => JAVA_HANDLER_ANNOTATIONS.test(a)),
      once: JAVA_ONCE_NAMES.test(name) || annotations.some((a) => JAVA_ONCE_ANNOTATIONS.test(a)),
    };
  }

  function contextOf(node: SyntaxNode): SiteContext {
    let bound: string | null = null;
    let returned = false;
    let fn: SyntaxNode | null = null;
    let statementSeen = false;
    for (let child = node, p = node.parent; p; child = p, p = p.parent) {
      if (!statementSeen) {
        if (p.name === 'VariableDeclarator') { const d = p.getChild('Definition'); bound = d ? src(d) : null; statementSeen = true; }
        else if (p.name === 'AssignmentExpression' && child.from === p.lastChild?.from) { bound = p.firstChild ? src(p.firstChild) : null; statementSeen = true; }
        else if (p.name === 'ReturnStatement') { returned = true; statementSeen = true; }
        else if (p.name === 'LambdaExpression' && child === p.lastChild && child.name !== 'Block') { returned = true; statementSeen = true; }
        else if (p.name === 'Block' || p.name === 'ClassBody' || p.name === 'ConstructorBody') statementSeen = true;
      }
      if (FUNCTIONS.has(p.name)) { fn = p; break; }
    }
    if (!fn) return { perCall: null, bound, managed: false };
    const { name, handler, once } = functionOf(fn);
    const outer = bound !== null && (bound.includes('.') || !scopeOf(fn).declared.has(bound));
    if (!handler && (once || returned || outer)) return { perCall: null, bound, managed: false };
    if (handler && outer) return { perCall: null, bound, managed: false };
    return { perCall: { fn: name, handler }, bound, managed: false };
  }

  for (const node of visits) evaluate(node, 0);
  return { sites: [...sites.values()].sort((a, b) => a.at - b.at), globalDispatchers: [], closed: new Set() };
}
