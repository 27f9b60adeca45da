import type { ClientFacts } from '../../types.ts';
import { HTTPX_CLIENT, HTTPX2_CLIENT } from '../facts.ts';
import { header } from '../../../snippets/header.ts';
import { pyModule } from './httpxCommon.ts';
import { clientCaps, type SnippetInput } from '../../../snippets/input.ts';
import { pyClientNames } from '../../../snippets/pyPools.ts';

/**
 * The numbers to watch for httpx or httpx2, from httpcore's per-request trace extension: a request
 * that sees `connection.connect_tcp` opened a new connection; from `send_request_headers` until
 * `response_closed` it holds a connection (busy); the time before its headers go out is its wait
 * for a connection (plus any handshake). Works on the async and the sync client.
 */
function renderMonitor(input: SnippetInput, client: ClientFacts): string {
  const m = pyModule(client);
  const main = pyClientNames(input)[0]!;
  return `${header(input, '#', `${client.label} (pool monitor via the httpcore trace extension; checked on ${client.poolLibrary})`)}
from __future__ import annotations  # "A | B" annotations on Python < 3.10

import logging
import threading
import time

import ${m}

logger = logging.getLogger("pool_monitor")


class PoolMonitor:
    """Counts requests, new connections, peak busy connections and wait before send for a client.

    Usage: monitor = PoolMonitor(); monitor.attach(${main.client('"tenant-1"')}); then call
    monitor.log_summary() every minute. "Busy" counts requests holding a connection: over
    HTTP/1.1 that is busy connections, over HTTP/2 streams in flight.
    """

    def __init__(self, max_connections: int = ${clientCaps(main.pool).maxConnections}) -> None:
        self.max_connections = max_connections
        self._lock = threading.Lock()  # the sync client may send from many threads
        self.busy = 0
        self.reset()

    def reset(self) -> None:
        self.requests = 0
        self.new_connections = 0
        self.peak_busy = self.busy
        self.waited = 0
        self.wait_total_ms = 0.0
        self.wait_max_ms = 0.0

    def attach(self, client: ${m}.AsyncClient | ${m}.Client) -> None:
        """Adds the trace hook to every request the client sends."""
        if isinstance(client, ${m}.AsyncClient):
            client.event_hooks["request"].append(self._on_request_async)
        else:
            client.event_hooks["request"].append(self._on_request)

    def _tracker(self):
        started = time.perf_counter()
        holding = False
        with self._lock:
            self.requests += 1

        def on_event(event_name: str) -> None:
            nonlocal holding
            with self._lock:
                if event_name == "connection.connect_tcp.started":
                    self.new_connections += 1
                elif event_name.endswith(".send_request_headers.started") and not holding:
                    holding = True
                    self.busy += 1
                    self.peak_busy = max(self.peak_busy, self.busy)
                    waited = (time.perf_counter() - started) * 1000
                    self.waited += 1
                    self.wait_total_ms += waited
                    self.wait_max_ms = max(self.wait_max_ms, waited)
                elif holding and (event_name.endswith(".response_closed.complete") or event_name.endswith(".response_closed.failed")):
                    holding = False
                    self.busy -= 1

        return on_event

    def _on_request(self, request: ${m}.Request) -> None:
        on_event = self._tracker()

        def trace(event_name: str, info: dict) -> None:
            on_event(event_name)

        request.extensions["trace"] = trace

    async def _on_request_async(self, request: ${m}.Request) -> None:
        on_event = self._tracker()

        async def trace(event_name: str, info: dict) -> None:
            on_event(event_name)

        request.extensions["trace"] = trace

    def log_summary(self) -> None:
        """Logs the numbers since the last summary, then starts counting afresh."""
        with self._lock:
            reuse = max(0.0, 1 - self.new_connections / self.requests) if self.requests else 0.0
            mean_wait = self.wait_total_ms / self.waited if self.waited else 0.0
            logger.info(
                "pool: %d requests | %d new connections, reuse %.1f%% (aim > 85%%) | peak busy %d/%d"
                " | wait before send mean %.1f ms, max %.1f ms (queueing plus any handshake; long at peaks: pool too small)",
                self.requests,
                self.new_connections,
                reuse * 100,
                self.peak_busy,
                self.max_connections,
                mean_wait,
                self.wait_max_ms,
            )
            self.reset()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print("Usage: monitor = PoolMonitor(); monitor.attach(client); then call monitor.log_summary() every minute.")
`;
}

export function monitorHttpxSnippet(input: SnippetInput): string {
  return renderMonitor(input, HTTPX_CLIENT);
}

export function monitorHttpx2Snippet(input: SnippetInput): string {
  return renderMonitor(input, HTTPX2_CLIENT);
}
