/** Drivers that run the httpx, httpx2 and Python SDK snippets as pasted, in the test venv. */
import { pythonLoader } from '../../testKit.ts';

/** httpx / httpx2 AsyncClient pool.py through post_json; with `monitor`, pool_monitor.py watches the main client and logs its summary. */
export function pythonAsyncDriver(monitorClient?: string): string {
  return `${pythonLoader}
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
  return `${pythonLoader}from concurrent.futures import ThreadPoolExecutor

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
  return `${pythonLoader}

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
