import { header } from './header.ts';
import type { SnippetInput } from './input.ts';

/**
 * The three numbers to watch for httpx, from httpcore's per-request trace extension: a request that
 * sees `connection.connect_tcp` opened a new connection; the time until its headers are sent is its
 * wait for a connection (plus any handshake); in-flight requests give the peak of busy connections.
 */
export function monitorHttpxSnippet(input: SnippetInput): string {
  return `${header(input, '#', 'httpx (pool monitor via httpcore trace)')}
import logging
import time

import httpx

logger = logging.getLogger("pool_monitor")


class PoolMonitor:
    """Counts reuse, peak busy connections and wait-before-send for every request of a client."""

    def __init__(self, max_connections: int = ${input.pools[0]!.maxConnections}) -> None:
        self.max_connections = max_connections
        self.reset()

    def reset(self) -> None:
        self.requests = 0
        self.new_connections = 0
        self.in_flight = 0
        self.peak_in_flight = 0
        self.wait_total_ms = 0.0
        self.wait_max_ms = 0.0

    def attach(self, client: httpx.AsyncClient) -> None:
        """Adds the trace hooks to every request the client sends."""
        client.event_hooks["request"].append(self._on_request)
        client.event_hooks["response"].append(self._on_response)

    async def _on_request(self, request: httpx.Request) -> None:
        started = time.perf_counter()
        self.requests += 1
        self.in_flight += 1
        self.peak_in_flight = max(self.peak_in_flight, self.in_flight)

        async def trace(event_name: str, info: dict) -> None:
            if event_name == "connection.connect_tcp.started":
                self.new_connections += 1
            elif event_name.endswith("send_request_headers.started"):
                waited = (time.perf_counter() - started) * 1000
                self.wait_total_ms += waited
                self.wait_max_ms = max(self.wait_max_ms, waited)

        request.extensions["trace"] = trace

    async def _on_response(self, response: httpx.Response) -> None:
        self.in_flight -= 1

    def log_summary(self) -> None:
        reuse = 1 - self.new_connections / self.requests if self.requests else 0.0
        mean_wait = self.wait_total_ms / self.requests if self.requests else 0.0
        logger.info(
            "pool: %d requests | reuse %.1f%% (aim > 85%%) | peak busy %d/%d | wait before send mean %.1f ms, max %.1f ms",
            self.requests,
            reuse * 100,
            self.peak_in_flight,
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
