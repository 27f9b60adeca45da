/**
 * The JavaScript tenant factory every Node generator writes (an undici Agent or an SDK client per
 * tenant): a Map of the tenant's objects, created on first use and kept for the life of the process.
 * Python's is pyClientDefinitions (pyPools.ts).
 */
export interface JsTenantFactory {
  /** The Map's binding and the exported function's name. */
  cache: string;
  factory: string;
  /** The object's type, written only when `typed` (TypeScript). */
  type: string;
  typed: boolean;
  /** The local holding the object (`agent`, `client`). */
  local: string;
  doc: string;
  /** Lines of the constructor expression, first line unindented (`new X({`), the rest as they go inside it. */
  construct: string[];
}

export function jsTenantFactory(f: JsTenantFactory): string[] {
  const t = f.typed;
  const [first, ...rest] = f.construct;
  return [
    `const ${f.cache} = new Map${t ? `<string, ${f.type}>` : ''}();`,
    '',
    `/** ${f.doc} */`,
    `export function ${f.factory}(tenantId${t ? ': string' : ''})${t ? `: ${f.type}` : ''} {`,
    `  let ${f.local} = ${f.cache}.get(tenantId);`,
    `  if (${f.local} === undefined) {`,
    `    ${f.local} = ${first}`,
    ...rest.map((l) => `    ${l}`),
    `    ${f.cache}.set(tenantId, ${f.local});`,
    '  }',
    `  return ${f.local};`,
    '}',
  ];
}
