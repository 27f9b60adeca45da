import { NumberField } from '../fields/NumberField.tsx';

export function SimSettingsForm() {
  return (
    <section className="card" aria-labelledby="simsettings-title">
      <h2 id="simsettings-title">Simulation settings</h2>
      <div className="grid">
        <NumberField path="sim.requests" label="Simulated requests" unit="requests" help="More requests, steadier tails; the page runs up to about 6 million." />
        <NumberField path="sim.seed" label="Random seed" unit="integer" help="Same scenario and seed give exactly the same results." />
      </div>
    </section>
  );
}
