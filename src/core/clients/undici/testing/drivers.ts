/** The driver that runs an undici pool.mjs snippet as pasted (Node 20 for undici 7, Node 22 for undici 8). */
/** undici 7/8 pool.mjs through its postJson; with `monitor`, pool-monitor.mjs watches the first Agent and its report is printed. */
export function nodeDriver(monitorAgent?: string): string {
  return `import * as pool from './pool.mjs';
${monitorAgent ? "import { monitorPool } from './pool-monitor.mjs';\n" : ''}const { n, path, tenants, factory } = JSON.parse(process.argv[2]);
${monitorAgent ? `const lines = [];\nconst stop = monitorPool(pool.${monitorAgent}, { log: (line) => lines.push(line) });\n` : ''}for (const burst of [1, 2]) {
  const calls = [];
  for (const tenant of tenants.length ? tenants : ['']) {
    for (let i = 0; i < n; i++) calls.push(pool.postJson(path, { burst, tenant }, tenant ? { agent: pool[factory](tenant) } : undefined));
  }
  for (const r of await Promise.all(calls)) {
    if (r.status !== 200) throw new Error('status ' + r.status);
    await r.json();
  }
}
${monitorAgent ? 'stop();\nconsole.log(lines.join("\\n"));\n' : ''}await pool.closePools();
console.log('done');
`;
}
