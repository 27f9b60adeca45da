/**
 * Binary min-heap of events keyed by time, in parallel typed arrays: no object per event, so the
 * hot loop allocates nothing. `tag` packs the event kind and an id; `aux` carries a generation.
 */
export class EventHeap {
  times: Float64Array;
  tags: Int32Array;
  auxs: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.tags = new Int32Array(capacity);
    this.auxs = new Int32Array(capacity);
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const tags = new Int32Array(capacity);
    const auxs = new Int32Array(capacity);
    times.set(this.times);
    tags.set(this.tags);
    auxs.set(this.auxs);
    this.times = times;
    this.tags = tags;
    this.auxs = auxs;
  }

  push(time: number, tag: number, aux: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const tags = this.tags;
    const auxs = this.auxs;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt <= time) break;
      times[i] = pt;
      tags[i] = tags[parent] as number;
      auxs[i] = auxs[parent] as number;
      i = parent;
    }
    times[i] = time;
    tags[i] = tag;
    auxs[i] = aux;
  }

  /** Removes the earliest event; read it first from times[0], tags[0], auxs[0]. */
  pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const times = this.times;
    const tags = this.tags;
    const auxs = this.auxs;
    const time = times[n] as number;
    const tag = tags[n] as number;
    const aux = auxs[n] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (times[right] as number) < (times[child] as number)) child = right;
      const ct = times[child] as number;
      if (ct >= time) break;
      times[i] = ct;
      tags[i] = tags[child] as number;
      auxs[i] = auxs[child] as number;
      i = child;
    }
    times[i] = time;
    tags[i] = tag;
    auxs[i] = aux;
  }
}
