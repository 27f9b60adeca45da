import { useAppStore } from '../store/index.ts';
import { NumberField } from './fields/NumberField.tsx';
import { SelectField } from './fields/SelectField.tsx';

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
          help="Share of the pool kept open while idle; about half is the usual advice."
        />
      </div>
    </section>
  );
}

export function PoolForm() {
  const protocol = useAppStore((s) => s.scenario.pool.protocol);
  const tenants = useAppStore((s) => s.scenario.pool.tenants);
  return (
    <section className="card" aria-labelledby="pool-title">
      <h2 id="pool-title">Pool and network</h2>
      <div className="grid">
        <NumberField path="pool.maxConnections" label="Max connections" unit="connections" help="The pool’s cap on open connections (simulated and exported)." />
        <NumberField path="pool.maxKeepalive" label="Max idle kept" unit="connections" help="Idle connections kept open for reuse; more close when a request ends." />
        <NumberField
          path="pool.keepaliveSec"
          label="Keep-alive expiry"
          unit="s"
          help="Idle connections close after this; library defaults of 5–15 s drop them between a user’s requests."
        />
        <SelectField
          path="pool.protocol"
          label="Protocol"
          help="HTTP/2 multiplexes many requests over one connection."
          options={[
            { value: 'h1', label: 'HTTP/1.1' },
            { value: 'h2', label: 'HTTP/2' },
          ]}
        />
        {protocol === 'h2' ? (
          <NumberField
            path="pool.streamsPerConnection"
            label="Streams per connection"
            unit="streams"
            help="The server’s MAX_CONCURRENT_STREAMS; 100 is the common value."
          />
        ) : null}
        {tenants > 1 ? (
          <>
            <NumberField path="pool.tenants" label="Tenants" unit="tenants" help="Each tenant gets its own pool under the global cap." />
            <NumberField path="pool.perTenantMaxConnections" label="Per-tenant max" unit="connections" help="Cap on each tenant’s pool." />
          </>
        ) : null}
        <NumberField path="network.rttMs" label="Round-trip time" unit="ms" help="Network round trip to the API; every handshake costs whole round trips." />
        <NumberField path="network.dnsMs" label="DNS lookup" unit="ms" help="Time to resolve the API’s host name for a new connection." />
        <SelectField
          path="network.tls"
          label="TLS"
          help="TLS 1.3 adds one round trip to a new connection, TLS 1.2 two; plain HTTP none."
          options={[
            { value: '1.3', label: 'TLS 1.3' },
            { value: '1.2', label: 'TLS 1.2' },
            { value: 'none', label: 'None (plain HTTP)' },
          ]}
        />
      </div>
    </section>
  );
}
