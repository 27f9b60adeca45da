import { CLIENTS, findClient, PROVIDER_IDS, PROVIDERS, type ClientFacts, type Provider } from '../../core/index.ts';
import { useAppStore } from '../../store/index.ts';
import { FieldShell } from '../fields/FieldShell.tsx';
import { TextField } from '../fields/TextField.tsx';

const GENERIC = '';

/**
 * Which client library the service runs and which API it calls, chosen up front: the client picks
 * the pool rules the simulator follows, the "today" column (its defaults) and the export tab; the
 * provider picks headers, paths and the key variable of the exported code.
 */
export function ClientPicker() {
  const client = useAppStore((s) => s.scenario.client ?? GENERIC);
  const provider = useAppStore((s) => s.scenario.endpoint.provider);
  const setClient = useAppStore((s) => s.setClient);
  const setProvider = useAppStore((s) => s.setProvider);
  const facts = findClient(client);
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
