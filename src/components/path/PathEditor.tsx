import { LIMITS } from '../../core/index.ts';
import { useAppStore } from '../../store/index.ts';
import { HopCard } from './HopCard.tsx';
import { editHops, HOPS_PATH, withAddedHop } from './hopEdits.ts';
import { PathPresetPicker } from './PathPresetPicker.tsx';
import * as css from './pathStyles.ts';

function Arrow() {
  return (
    <span aria-hidden="true" style={css.arrow}>
      →
    </span>
  );
}

/**
 * The path from the client to the API as a row of hops, client side first, with a preset picker.
 * The API's own idle timeout is the last hop ("API server") when it is known.
 */
export function PathEditor() {
  const hops = useAppStore((s) => s.scenario.network.middleboxes);
  const listError = useAppStore((s) => s.fieldErrors[HOPS_PATH]);
  const hasServer = hops[hops.length - 1]?.kind === 'server';
  const remove = (index: number) => editHops(HOPS_PATH, hops.filter((_, i) => i !== index));
  return (
    <div data-testid="path-editor">
      <h3 id="path-title">The path to the API</h3>
      <p className="field__help">
        CDNs, load balancers and NAT gateways close or forget connections idle longer than their limit; a pool keeping connections longer meets dead ones.
      </p>
      <PathPresetPicker hops={hops} />
      <ol style={css.row} aria-labelledby="path-title" data-testid="path-hops">
        <li style={css.end}>
          <span style={css.chip}>Your client</span>
        </li>
        {hops.map((hop, i) => (
          <li key={i} style={css.step}>
            <Arrow />
            <HopCard index={i} hop={hop} last={i === hops.length - 1} onRemove={() => remove(i)} />
          </li>
        ))}
        {hasServer ? null : (
          <li style={css.end}>
            <Arrow />
            <span style={css.chip} title="The API’s own idle timeout is not set: add a hop and choose “API server”.">
              API
            </span>
          </li>
        )}
      </ol>
      {listError ? (
        <p className="field__error" role="alert" data-testid="error-network-middleboxes">
          {listError}
        </p>
      ) : null}
      {hops.length < LIMITS.hops ? (
        <button type="button" className="secondary" onClick={() => editHops(HOPS_PATH, withAddedHop(hops))}>
          Add hop
        </button>
      ) : null}
    </div>
  );
}
