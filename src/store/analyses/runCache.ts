/**
 * Runs shared by key. Within an edit, the target search's probes and the size sweep's points are
 * the same scenarios (core/recommend/probe.ts); across edits, runs whose scenario did not change
 * (the sweep after an edit of your pool's size) are not repeated. A run cancelled by a newer edit
 * is forgotten, so the next edit starts it again.
 */
import { runKey, type Scenario, type SimResult } from '../../core/index.ts';
import type { RunOptions } from './types.ts';

export type Simulate = (s: Scenario, options: RunOptions & { signal: AbortSignal }) => Promise<SimResult>;

interface Entry {
  promise: Promise<SimResult>;
  signal: AbortSignal;
  settled: boolean;
}

/** Results kept: two edits' worth of every analysis's runs (about 30 each), a few megabytes. */
const CAPACITY = 96;

export class RunCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly simulate: Simulate) {}

  get size(): number {
    return this.entries.size;
  }

  run(s: Scenario, options: RunOptions & { signal: AbortSignal }): Promise<SimResult> {
    const key = runKey(s);
    const hit = this.entries.get(key);
    if (hit && (hit.settled || !hit.signal.aborted)) {
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
      return hit.promise;
    }
    const entry: Entry = { promise: this.simulate(s, options), signal: options.signal, settled: false };
    entry.promise.then(
      () => (entry.settled = true),
      () => this.entries.get(key) === entry && this.entries.delete(key),
    );
    this.entries.set(key, entry);
    while (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value!);
    return entry.promise;
  }
}
