import { formatNumber, rateLimitCeiling } from '../core/index.ts';
import { useAppStore } from '../store/index.ts';
import { CheckboxField } from './fields/CheckboxField.tsx';
import { NumberField } from './fields/NumberField.tsx';
import { SelectField } from './fields/SelectField.tsx';
import { TextField } from './fields/TextField.tsx';
import { PathEditor } from './path/PathEditor.tsx';
import { PoolTimingFields } from './path/PoolTimingFields.tsx';

export function SizingForm() {
  return (
    <section className="card" aria-labelledby="sizing-title">
      <h2 id="sizing-title">Sizing rules</h2>
      <div className="grid">
        <NumberField path="sizing.headroom" scale={100} label="Headroom" unit="%" help="Extra connections above the mean load; 10 % is the usual margin." />
        <NumberField
          path="sizing.keepaliveShare"
          scale={100}
          label="Kept warm"
          unit="% of max"
          help="Share of the pool kept open while idle; about half is the usual advice (httpx 0.28 needs all of it)."
        />
      </div>
    </section>
  );
}

/** One pool's fields: the main `pool` or an extra `pools[i]`; every pool the scenario has is shown and editable. */
function PoolFields({ at, title }: { at: string; title: string }) {
  const pool = useAppStore((s) => (at === 'pool' ? s.scenario.pool : s.scenario.pools[Number(/\d+/.exec(at)?.[0])]));
  const classes = useAppStore((s) => s.scenario.workload.classes);
  const mainName = useAppStore((s) => s.scenario.pool.name);
  if (!pool) return null;
  const routed = classes.filter((c) => (c.pool ?? mainName) === pool.name).map((c) => c.name);
  const legendId = `${at.replace(/[[\]]/g, '-')}-legend`;
  return (
    <fieldset className="pool-fields" aria-labelledby={legendId} data-testid={`pool-fields-${pool.name}`}>
      <legend id={legendId}>
        {title} “{pool.name}”{routed.length ? ` — carries ${routed.join(', ')}` : ' — no class routed here'}
      </legend>
      <div className="grid">
        <TextField path={`${at}.name`} label="Pool name" help="Classes name their pool by this." />
        <NumberField path={`${at}.maxConnections`} label="Max connections" unit="connections" help="The pool’s cap on open connections (simulated and exported)." />
        <NumberField path={`${at}.maxKeepalive`} label="Max idle kept" unit="connections" help="Idle connections kept open for reuse; more close when a request ends." />
        <NumberField path={`${at}.keepaliveSec`} label="Keep-alive expiry" unit="s" help="Idle connections close after this." />
        <NumberField
          path={`${at}.poolTimeoutSec`}
          label="Pool timeout"
          unit="s"
          optional
          help="A request waiting this long for a connection fails (httpx’s pool timeout); empty = waits forever (undici)."
        />
        <PoolTimingFields at={at} />
        <SelectField
          path={`${at}.protocol`}
          label="Protocol"
          help="HTTP/2 multiplexes many requests over one connection."
          options={[
            { value: 'h1', label: 'HTTP/1.1' },
            { value: 'h2', label: 'HTTP/2' },
          ]}
        />
        {pool.protocol === 'h2' ? (
          <NumberField path={`${at}.streamsPerConnection`} label="Streams per connection" unit="streams" help="The server’s MAX_CONCURRENT_STREAMS; 100 is the common value." />
        ) : null}
        <NumberField path={`${at}.tenants`} label="Tenants" unit="tenants" help="1 = one shared pool; more = a pool per tenant under the global cap." />
        {pool.tenants > 1 ? (
          <NumberField path={`${at}.perTenantMaxConnections`} label="Per-tenant max" unit="connections" optional help="Cap on each tenant’s pool." />
        ) : null}
      </div>
    </fieldset>
  );
}

export function PoolForm() {
  const extra = useAppStore((s) => s.scenario.pools.length);
  return (
    <section className="card" aria-labelledby="pool-title">
      <h2 id="pool-title">Your pool</h2>
      <p className="field__help">These numbers are what is simulated, judged, shared and exported. Apply a proposal to fill them in.</p>
      <PoolFields at="pool" title="Pool" />
      {Array.from({ length: extra }, (_, i) => (
        <PoolFields key={i} at={`pools[${i}]`} title="Pool" />
      ))}
    </section>
  );
}

export function NetworkForm() {
  return (
    <section className="card" aria-labelledby="network-title">
      <h2 id="network-title">Network</h2>
      <div className="grid">
        <NumberField path="network.rttMs" label="Round-trip time" unit="ms" help="Network round trip to the API; every handshake costs whole round trips." />
        <NumberField path="network.dnsMs" label="DNS lookup" unit="ms" help="Time to resolve the API’s host name for a new connection." />
        <SelectField
          path="network.tls"
          label="TLS"
          help="A new connection pays TCP’s 1 round trip, then TLS 1.3 one more, TLS 1.2 two; plain HTTP none."
          options={[
            { value: '1.3', label: 'TLS 1.3' },
            { value: '1.2', label: 'TLS 1.2' },
            { value: 'none', label: 'None (plain HTTP)' },
          ]}
        />
      </div>
      <PathEditor />
    </section>
  );
}

function RateLimitCeilingNote() {
  const scenario = useAppStore((s) => s.scenario);
  const ceiling = rateLimitCeiling(scenario);
  if (!ceiling) return null;
  return (
    <p className="field__help" data-testid="rate-limit-ceiling">
      The limit carries about <strong>{formatNumber(ceiling.concurrency, 1)}</strong> requests at once ({ceiling.expression}); connections beyond that only meet 429
      errors.
    </p>
  );
}

export function RateLimitForm() {
  return (
    <section className="card" aria-labelledby="ratelimit-title">
      <h2 id="ratelimit-title">Provider rate limit</h2>
      <div className="grid">
        <NumberField path="rateLimit.requestsPerMinute" label="Requests per minute" unit="req/min" optional help="Your tier’s request limit; empty = none." />
        <NumberField path="rateLimit.tokensPerMinute" label="Tokens per minute" unit="tokens/min" optional help="Your tier’s token limit; needs tokens per request." />
        <NumberField path="rateLimit.tokensPerRequest" label="Tokens per request" unit="tokens" optional help="Mean input + output tokens of one request." />
        <CheckboxField path="rateLimit.simulate" label="Hold requests to the limit in the simulation" help="Model a client-side limiter: requests beyond the limit wait their turn." />
      </div>
      <RateLimitCeilingNote />
    </section>
  );
}
