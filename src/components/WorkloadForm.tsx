import { plural, type Arrival } from '../core/index.ts';
import { useAppStore } from '../store/index.ts';
import { ClassesEditor } from './ClassesEditor.tsx';
import { NumberField } from './fields/NumberField.tsx';
import { SelectField } from './fields/SelectField.tsx';

/** Switching the arrival model keeps the same mean request rate, so results move only as much as the model does. */
function arrivalOfKind(kind: string, current: Arrival): Arrival {
  const rate = current.kind === 'users' ? current.users / current.thinkSec : current.kind === 'trace' ? 1 : current.perSec;
  const perSec = Number(rate.toPrecision(3));
  switch (kind) {
    case 'users':
      return current.kind === 'users' ? current : { kind: 'users', users: 100, thinkSec: Number((100 / rate).toPrecision(3)), thinkDist: 'exponential' };
    case 'bursty':
      return { kind: 'bursty', perSec, onSec: 10, offSec: 50 };
    default:
      return { kind: 'poisson', perSec };
  }
}

export function WorkloadForm() {
  const arrival = useAppStore((s) => s.scenario.workload.arrival);
  return (
    <section className="card" aria-labelledby="workload-title">
      <h2 id="workload-title">Workload</h2>
      {arrival.kind === 'trace' ? (
        <p className="field__help">Traffic replays a recorded trace of {plural(arrival.rows.length, 'request')} (from an imported request log or a scenario file).</p>
      ) : (
        <SelectField
          path="workload.arrival.kind"
          writePath="workload.arrival"
          label="How requests arrive"
          help="Users who wait for each reply (a chat app), or an open stream of requests at a steady or bursty rate (an API backend)."
          options={[
            { value: 'users', label: 'Users (closed: each waits, reads, asks again)' },
            { value: 'poisson', label: 'Requests per second (open stream)' },
            { value: 'bursty', label: 'Bursts (on/off requests per second)' },
          ]}
          toValue={(kind) => arrivalOfKind(kind, useAppStore.getState().scenario.workload.arrival)}
        />
      )}
      <div className="grid">
        {arrival.kind === 'users' ? (
          <>
            <NumberField path="workload.arrival.users" label="Peak concurrent users" unit="users" help="Users active at the busiest time." />
            <NumberField
              path="workload.arrival.thinkSec"
              label="Interval between a user’s requests"
              unit="s"
              help="Time a user reads and types after a reply before sending the next request."
            />
          </>
        ) : null}
        {arrival.kind === 'poisson' || arrival.kind === 'bursty' ? (
          <NumberField
            path="workload.arrival.perSec"
            label={arrival.kind === 'bursty' ? 'Request rate during a burst' : 'Request rate'}
            unit="req/s"
            help="Mean requests per second sent to the API."
          />
        ) : null}
        {arrival.kind === 'bursty' ? (
          <>
            <NumberField path="workload.arrival.onSec" label="Burst length" unit="s" help="How long each burst of traffic lasts." />
            <NumberField path="workload.arrival.offSec" label="Quiet gap" unit="s" help="Silence between bursts; longer than the keep-alive, it closes idle connections." />
          </>
        ) : null}
      </div>
      <ClassesEditor />
    </section>
  );
}
