"""Path-calibration driver for the Python SDK snippets (openai-py, anthropic-py): loads the snippet file
given in argv[1] (the project's snippet; run.ts only shortens its read timeout and sets max_retries) and
runs ONE user: a pause of cfg["thinkSec"] between requests, cfg["requests"] requests, each carrying its
id in the body (extra_body) for the server. Prints one JSON array of {id, t0, t1, status, error}
(wall-clock ms; error = the exception's class name, or null)."""
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


def now() -> float:
    return time.time() * 1000


async def one(rid: int) -> None:
    t0 = now()
    status, error = -1, None
    try:
        if cfg["api"] == "anthropic":
            await pool.shared_client.messages.create(model="claude-sonnet-4-5", max_tokens=8, messages=[{"role": "user", "content": "hi"}], extra_body={"id": rid})
        else:
            await pool.shared_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}], extra_body={"id": rid})
        status = 200
    except Exception as e:  # noqa: BLE001 - the record says which
        error = type(e).__name__
    records.append({"id": rid, "t0": t0, "t1": now(), "status": status, "error": error})


async def main() -> None:
    await asyncio.sleep(random.random() * cfg["thinkSec"])
    for rid in range(cfg["requests"]):
        await one(rid)
        await asyncio.sleep(cfg["thinkSec"])
    await pool.close_pools()
    sys.stdout.write(json.dumps(records))


asyncio.run(main())
