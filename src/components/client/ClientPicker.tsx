import { CLIENTS, DEFAULT_NODE_MAJOR, findClient, forNode, NODE_FETCH, NODE_MAJORS, PROVIDER_IDS, PROVIDERS, type ClientFacts, type NodeMajor, type Provider } from '../../core/index.ts';
import { useAppStore } from '../../store/index.ts';
import { FieldShell } from '../fields/FieldShell.tsx';
import { TextField } from '../fields/TextField.tsx';

const GENERIC = '';

/**
 * Which client library the service runs and which API it calls, chosen up front: the client picks
 * the pool rules the simulator follows, the "today" column (its defaults) and the export tab; the
 * provider picks headers, paths and the key variable of the exported code. A client on Node's global
 * fetch also needs the Node major: its bundled undici decides the protocol and the pool rules.
 */
export function ClientPicker() {
  const client = useAppStore((s) => s.scenario.client ?? GENERIC);
  const provider = useAppStore((s) => s.scenario.endpoint.provider);
  const setClient = useAppStore((s) => s.setClient);
  const setProvider = useAppStore((s) => s.setProvider);
  const node = useAppStore((s) => s.scenario.node);
  const editValue = useAppStore((s) => s.editValue);
  const base = findClient(client);
  const facts = base && forNode(base, node);
  return (
    <section className="card" aria-labelledby="client-title">
      <h2 id="client-title">Your client and API</h2>
      <div className="grid">
        <FieldShell
          id="scenario-client"
          label="HTTP client"
          help={facts ? `${facts.library} ${facts.versions}, pool by ${facts.poolLibrary}. ${facts.keepaliveRule}` : 'Generic pool rules; choose your library to simulate its own rules and compare with its defaults.'}
        >
          <select id="scenario-client" className="field__input" value={client} aria-describedby="scenario-client-help" onChange={(e) => setClient(e.target.value || undefined)}>
            <option value={GENERIC}>Generic (no library rules)</option>
            {(CLIENTS as readonly ClientFacts[]).map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </FieldShell>
        {facts?.globalFetch ? (
          <FieldShell id="scenario-node" label="Node.js version" help={`${facts.http2} Absent from a scenario: Node ${DEFAULT_NODE_MAJOR}.`}>
            <select
              id="scenario-node"
              className="field__input"
              value={node ?? DEFAULT_NODE_MAJOR}
              aria-describedby="scenario-node-help"
              onChange={(e) => editValue('node', e.target.value as NodeMajor)}
            >
              {NODE_MAJORS.map((m) => (
                <option key={m} value={m}>
                  {`Node ${m} (fetch: undici ${NODE_FETCH[m].undici}, ${NODE_FETCH[m].protocol === 'h2' ? 'HTTP/2' : 'HTTP/1.1'})`}
                </option>
              ))}
            </select>
          </FieldShell>
        ) : null}
        <FieldShell id="endpoint-provider" label="API provider" help="Decides the headers, paths and default key variable of the exported code.">
          <select
            id="endpoint-provider"
            className="field__input"
            value={provider}
            aria-describedby="endpoint-provider-help"
            onChange={(e) => setProvider(e.target.value as Provider)}
          >
            {PROVIDER_IDS.map((id) => (
              <option key={id} value={id}>
                {PROVIDERS[id].label}
              </option>
            ))}
          </select>
        </FieldShell>
        <TextField path="endpoint.baseUrl" label="Base URL" help="The API’s address; a gateway or Azure-style endpoint works too." />
        <TextField path="endpoint.apiKeyEnv" label="API key variable" help="Exported code reads the key from this environment variable; no key is ever asked for or stored." />
      </div>
    </section>
  );
}
