"""Calibration driver for the Python snippets with an async post_json (httpx, httpx2, aiohttp): loads
pool.py (the project's snippet, unchanged) and runs the workload given as JSON in argv[2]; prints one
JSON array of {id, t0, t1, status} (wall-clock ms) when done. Bounded by the request count. aiohttp's
post_json has read the body before it returns (the connection is back in the pool)."""
import asyncio
import importlib.util
import json
import random
import sys
import time

spec = importlib.util.spec_from_file_location("pool", sys.argv[1])
pool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pool)
cfg = json.loads(sys.argv[2])
records = []
issued = 0


def now() -> float:
    return time.time() * 1000


async def one() -> None:
    global issued
    rid = issued
    issued += 1
    t0 = now()
    status = -1
    try:
        response = await pool.post_json("/v1/messages", {"id": rid})
        # httpx and httpx2 responses carry .status_code, aiohttp's .status.
        status = response.status_code if hasattr(response, "status_code") else response.status
    except Exception:
        status = -1
    records.append({"id": rid, "t0": t0, "t1": now(), "status": status})


def think() -> float:
    return cfg["thinkSec"] if cfg["thinkDist"] == "constant" else random.expovariate(1 / cfg["thinkSec"])


async def user() -> None:
    await asyncio.sleep(random.random() * cfg["thinkSec"] if cfg["thinkDist"] == "constant" else think())
    while issued < cfg["requests"]:
        await one()
        await asyncio.sleep(think())


async def main() -> None:
    if cfg["kind"] == "users":
        await asyncio.gather(*[user() for _ in range(cfg["users"])])
    else:
        pending = []
        t = now()
        for _ in range(cfg["requests"]):
            t += random.expovariate(cfg["perSec"]) * 1000
            await asyncio.sleep(max(0, (t - now()) / 1000))
            pending.append(asyncio.create_task(one()))
        await asyncio.gather(*pending)
    await pool.close_pools()
    sys.stdout.write(json.dumps(records))


asyncio.run(main())
