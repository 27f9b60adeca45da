/**
 * Programs that load a generated snippet as pasted and drive it: two bursts of concurrent requests
 * (per tenant when the pool is split), then a clean shutdown. Each reads its settings as JSON from
 * argv, so the same text serves every target of its language.
 */

export interface DriverConfig {
  /** Concurrent requests per burst (per tenant). */
  n: number;
  path: string;
  /** Tenant ids; empty = the pool's shared client or Agent. */
  tenants: string[];
  /** Name of the tenant factory the snippet exports (sharedAgentForTenant, shared_client_for_tenant). */
  factory: string;
}

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

const loadModule = `import asyncio, importlib.util, json, logging, sys


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cfg = json.loads(sys.argv[1])
pool = load("pool", "pool.py")
`;

/** httpx / httpx2 AsyncClient pool.py through post_json; with `monitor`, pool_monitor.py watches the main client and logs its summary. */
export function pythonAsyncDriver(monitorClient?: string): string {
  return `${loadModule}
${monitorClient ? `monitor = load("pool_monitor", "pool_monitor.py").PoolMonitor()\nmonitor.attach(pool.${monitorClient})\n` : ''}

async def main():
    for burst in (1, 2):
        calls = []
        for tenant in cfg["tenants"] or [""]:
            for _ in range(cfg["n"]):
                body = {"burst": burst, "tenant": tenant}
                calls.append(pool.post_json(cfg["path"], body, getattr(pool, cfg["factory"])(tenant)) if tenant else pool.post_json(cfg["path"], body))
        responses = await asyncio.gather(*calls)
        assert all(r.status_code == 200 for r in responses), [r.status_code for r in responses]
${monitorClient ? '    logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(message)s")\n    monitor.log_summary()\n' : ''}    await pool.close_pools()


asyncio.run(main())
print("done")
`;
}

/** httpx / httpx2 Client pool.py from a thread per request. */
export function pythonSyncDriver(monitorClient?: string): string {
  return `${loadModule}from concurrent.futures import ThreadPoolExecutor

${monitorClient ? `monitor = load("pool_monitor", "pool_monitor.py").PoolMonitor()\nmonitor.attach(pool.${monitorClient})\n` : ''}
def call(job):
    burst, tenant = job
    body = {"burst": burst, "tenant": tenant}
    return pool.post_json(cfg["path"], body, getattr(pool, cfg["factory"])(tenant)) if tenant else pool.post_json(cfg["path"], body)


tenants = cfg["tenants"] or [""]
with ThreadPoolExecutor(max_workers=cfg["n"] * len(tenants)) as ex:
    for burst in (1, 2):
        responses = list(ex.map(call, [(burst, t) for t in tenants for _ in range(cfg["n"])]))
        assert all(r.status_code == 200 for r in responses)
${monitorClient ? 'logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(message)s")\nmonitor.log_summary()\n' : ''}pool.close_pools()
print("done")
`;
}

/** A Python SDK snippet (saved as pool.py): real SDK calls on the client it builds, the burst in a header. */
export function pythonSdkDriver(client: string, call: string, args: string, text: string): string {
  return `${loadModule}

async def main():
    client = pool.${client}
    for burst in (1, 2):
        replies = await asyncio.gather(*[client.${call}(${args}, extra_headers={"x-burst": str(burst)}) for _ in range(cfg["n"])])
        assert all(${text} == "hi" for reply in replies)
    await pool.close_pools()


asyncio.run(main())
print("done")
`;
}

/** A Node SDK snippet (.ts, run by Node 22's type stripping): real SDK calls through its client, the burst in a header. */
export function nodeSdkDriver(file: string, client: string, call: string, body: string, text: string): string {
  return `import * as mod from './${file}';
const { n } = JSON.parse(process.argv[2]);
for (const burst of [1, 2]) {
  const replies = await Promise.all(Array.from({ length: n }, () => mod.${client}.${call}(${body}, { headers: { 'x-burst': String(burst) } })));
  for (const reply of replies) if (${text} !== 'hi') throw new Error('bad reply ' + JSON.stringify(reply));
}
await mod.closePools();
console.log('done');
`;
}
