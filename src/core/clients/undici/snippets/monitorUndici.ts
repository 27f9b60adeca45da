import { header } from '../../../snippets/header.ts';
import { clientCaps, type SnippetInput } from '../../../snippets/input.ts';
import { agentNames } from '../../../snippets/undiciAgents.ts';

/**
 * The three numbers to watch, from undici's diagnostics channels and the Agent's connect and
 * disconnect events: reuse rate, peak open connections, and the time a request waited before its
 * headers went out (queueing for a connection plus any handshake).
 */
export function monitorUndiciSnippet(input: SnippetInput): string {
  const main = agentNames(input)[0]!;
  const agent = main.agent("'tenant-1'");
  return `${header(input, '//', 'undici 7 or 8 (pool monitor; save as pool-monitor.mjs next to pool.mjs)')}
import diagnosticsChannel from 'node:diagnostics_channel';

/**
 * Logs reuse rate, peak open connections and wait before sending, every intervalMs.
 * Usage: import { ${main.exported} } from './pool.mjs'; const stop = monitorPool(${agent});
 * The request channels are process-wide: they count every undici request, not only this Agent's.
 */
export function monitorPool(agent, { intervalMs = 60_000, maxConnections = ${clientCaps(main.pool).maxConnections}, log = console.log } = {}) {
  const startedAt = new WeakMap();
  let requests = 0;
  let newConnections = 0;
  let open = 0;
  let peakOpen = 0;
  let waitTotalMs = 0;
  let waitMaxMs = 0;
  let sent = 0;

  const onCreate = ({ request }) => {
    requests += 1;
    startedAt.set(request, performance.now());
  };
  const onSendHeaders = ({ request }) => {
    const start = startedAt.get(request);
    if (start === undefined) return;
    const waited = performance.now() - start;
    sent += 1;
    waitTotalMs += waited;
    waitMaxMs = Math.max(waitMaxMs, waited);
  };
  const onConnect = () => {
    newConnections += 1;
    open += 1;
    peakOpen = Math.max(peakOpen, open);
  };
  const onDisconnect = () => {
    open = Math.max(0, open - 1);
  };

  diagnosticsChannel.subscribe('undici:request:create', onCreate);
  diagnosticsChannel.subscribe('undici:client:sendHeaders', onSendHeaders);
  agent.on('connect', onConnect);
  agent.on('disconnect', onDisconnect);

  const report = () => {
    const reuse = requests ? Math.max(0, 1 - newConnections / requests) : 0;
    log(
      \`pool: \${requests} requests | \${newConnections} new connections, reuse \${(reuse * 100).toFixed(1)}% (aim > 85%) | peak open \${peakOpen}/\${maxConnections}\` +
        \` | wait before send mean \${(sent ? waitTotalMs / sent : 0).toFixed(1)} ms, max \${waitMaxMs.toFixed(1)} ms (queueing plus any handshake; long at peaks: pool too small)\`,
    );
    requests = 0;
    newConnections = 0;
    peakOpen = open;
    waitTotalMs = 0;
    waitMaxMs = 0;
    sent = 0;
  };
  const timer = setInterval(report, intervalMs);
  timer.unref();

  return function stop() {
    clearInterval(timer);
    report();
    diagnosticsChannel.unsubscribe('undici:request:create', onCreate);
    diagnosticsChannel.unsubscribe('undici:client:sendHeaders', onSendHeaders);
    agent.off('connect', onConnect);
    agent.off('disconnect', onDisconnect);
  };
}
`;
}
