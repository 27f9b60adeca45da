/** The driver that runs the aiohttp pool.py as pasted: its responses carry `.status`, not httpx's `.status_code`. */
import { pythonLoader } from '../../testKit.ts';

export function aiohttpDriver(): string {
  return `${pythonLoader}

async def main():
    for burst in (1, 2):
        calls = []
        for tenant in cfg["tenants"] or [""]:
            for _ in range(cfg["n"]):
                body = {"burst": burst, "tenant": tenant}
                calls.append(pool.post_json(cfg["path"], body, getattr(pool, cfg["factory"])(tenant)) if tenant else pool.post_json(cfg["path"], body))
        responses = await asyncio.gather(*calls)
        assert all(r.status == 200 for r in responses), [r.status for r in responses]
    await pool.close_pools()


asyncio.run(main())
print("done")
`;
}
