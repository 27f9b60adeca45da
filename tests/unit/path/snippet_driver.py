"""Driver of tests/unit/path/snippet-on-path.test.ts: loads the project's httpx/httpx2 snippet given in
argv[1] (pool.py, unchanged), waits for a line on stdin (a start barrier), then sends ONE user's requests through its post_json, one after the other,
pausing cfg["pauses"][i] seconds after request i (len(pauses) + 1 requests). Prints one JSON array, a
record per request: {id, t0, t1, status, error, socket}. t0/t1 are wall-clock ms around the call;
error is "ExceptionClass: message" or null; socket is read from the connection that carried the
response (None when the request failed): its local port and, by getsockopt on the live socket, what the
snippet's socket_options set - SO_KEEPALIVE, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT."""
import asyncio
import importlib.util
import json
import socket
import sys
import time

spec = importlib.util.spec_from_file_location("pool", sys.argv[1])
pool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pool)
cfg = json.loads(sys.argv[2])
records = []


def now() -> float:
    return time.time() * 1000


def socket_of(response) -> dict | None:
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if sock is None or sock.fileno() < 0:
        return None
    opt = lambda level, name: sock.getsockopt(level, getattr(socket, name)) if hasattr(socket, name) else None  # noqa: E731
    return {
        "localPort": sock.getsockname()[1],
        "soKeepalive": opt(socket.SOL_SOCKET, "SO_KEEPALIVE"),
        "tcpKeepidle": opt(socket.IPPROTO_TCP, "TCP_KEEPIDLE"),
        "tcpKeepintvl": opt(socket.IPPROTO_TCP, "TCP_KEEPINTVL"),
        "tcpKeepcnt": opt(socket.IPPROTO_TCP, "TCP_KEEPCNT"),
    }


async def one(rid: int) -> None:
    t0 = now()
    status, error, info = -1, None, None
    try:
        response = await pool.post_json("/v1/messages", {"id": rid})
        status = response.status_code
        info = socket_of(response)
    except Exception as e:  # noqa: BLE001 - the record says which
        error = f"{type(e).__name__}: {e}"
    records.append({"id": rid, "t0": t0, "t1": now(), "status": status, "error": error, "socket": info})


async def main() -> None:
    pauses = cfg["pauses"]
    for rid in range(len(pauses) + 1):
        await one(rid)
        if rid < len(pauses):
            await asyncio.sleep(pauses[rid])
    await pool.close_pools()
    sys.stdout.write(json.dumps(records))


# Start barrier: the test starts every driver, waits until each has loaded its snippet (imports cost
# CPU that would otherwise land in other runs' timed requests), then writes a line to each stdin.
sys.stderr.write("ready\n")
sys.stderr.flush()
sys.stdin.readline()
asyncio.run(main())
