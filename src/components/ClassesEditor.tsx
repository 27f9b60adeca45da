import type { Duration, RequestClass } from '../core/index.ts';
import { useAppStore } from '../store/index.ts';
import { CheckboxField } from './fields/CheckboxField.tsx';
import { NumberField } from './fields/NumberField.tsx';
import { SelectField } from './fields/SelectField.tsx';
import { TextField } from './fields/TextField.tsx';

function durationOfKind(dist: string, current: Duration): Duration {
  const meanSec = current.meanSec;
  if (dist === 'lognormal') return { dist, meanSec, p95Sec: Number((meanSec * 2.5).toPrecision(3)) };
  return { dist: dist === 'constant' ? 'constant' : 'exponential', meanSec };
}

function ClassRow({ index, count, poolNames }: { index: number; count: number; poolNames: string[] }) {
  const at = `workload.classes[${index}]`;
  const dist = useAppStore((s) => s.scenario.workload.classes[index]?.duration.dist);
  const editValue = useAppStore((s) => s.editValue);
  const removeClass = () => {
    const classes = useAppStore.getState().scenario.workload.classes.filter((_, i) => i !== index);
    editValue('workload.classes', classes);
  };
  return (
    <fieldset className="class-row" data-testid={`class-${index}`}>
      <legend>Request class {index + 1}</legend>
      <div className="grid">
        <TextField path={`${at}.name`} label="Name" help="Shown in results and in exported code." />
        <NumberField path={`${at}.share`} label="Share" unit="weight" help="Relative share of requests; shares are normalised to 100 %." />
        <NumberField path={`${at}.duration.meanSec`} label="Mean response time" unit="s" help="Time from sending the request to the last byte of the reply." />
        <SelectField
          path={`${at}.duration.dist`}
          writePath={`${at}.duration`}
          label="Response-time spread"
          help="Exponential: highly variable; constant: every reply the same; lognormal: a long tail set by its p95."
          options={[
            { value: 'exponential', label: 'Exponential' },
            { value: 'constant', label: 'Constant' },
            { value: 'lognormal', label: 'Lognormal (mean and p95)' },
          ]}
          toValue={(choice) => {
            const current = useAppStore.getState().scenario.workload.classes[index]?.duration;
            return current ? durationOfKind(choice, current) : undefined;
          }}
        />
        {dist === 'lognormal' ? (
          <NumberField path={`${at}.duration.p95Sec`} label="95th-percentile response time" unit="s" help="95 % of replies finish within this time." />
        ) : null}
        {poolNames.length > 1 ? (
          <SelectField
            path={`${at}.pool`}
            label="Pool"
            help="Which connection pool this class uses."
            options={poolNames.map((n) => ({ value: n, label: n }))}
          />
        ) : null}
        <NumberField
          path={`${at}.firstByteSec`}
          label="First byte after"
          unit="s"
          optional
          help="Silence before the reply starts, e.g. a reasoning model’s thinking; empty = a stream starts at once, a whole reply arrives at its end."
        />
        <CheckboxField path={`${at}.streaming`} label="Streamed (SSE)" help="Holds its connection for the whole generation." />
      </div>
      {count > 1 ? (
        <button type="button" className="link-button" onClick={removeClass}>
          Remove this class
        </button>
      ) : null}
    </fieldset>
  );
}

export function ClassesEditor() {
  const count = useAppStore((s) => s.scenario.workload.classes.length);
  const poolNamesKey = useAppStore((s) => [s.scenario.pool.name, ...s.scenario.pools.map((p) => p.name)].join('\u0000'));
  const poolNames = poolNamesKey.split('\u0000');
  const editValue = useAppStore((s) => s.editValue);
  const addClass = () => {
    const classes = useAppStore.getState().scenario.workload.classes;
    const added: RequestClass = { name: `class-${classes.length + 1}`, share: 1, streaming: false, duration: { dist: 'exponential', meanSec: 1 } };
    editValue('workload.classes', [...classes, added]);
  };
  return (
    <div className="classes">
      {Array.from({ length: count }, (_, i) => (
        <ClassRow key={i} index={i} count={count} poolNames={poolNames} />
      ))}
      {count < 20 ? (
        <button type="button" className="secondary" onClick={addClass}>
          Add a request class
        </button>
      ) : null}
    </div>
  );
}
