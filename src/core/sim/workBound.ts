/**
 * The run's work bound. The event loop counts events, but a policy's inner loop (serving a wait
 * line, closing surplus connections, handing a slot to a blocked tenant) runs inside one event: a
 * rule that never makes progress there would spin for ever without a single new event (issue 19
 * found one with httpcore over HTTP/2 and more tenants than the global cap holds). So every event
 * and every pool operation an inner loop performs (attach, queue, dequeue, requeue, close) is a
 * step, and the run stops with a SimError once it has spent `limit` steps. Cancellation is polled
 * here too, so even a long inner loop is abortable.
 */
import { SimAbortedError, SimError } from './errors.ts';
import { formatNumber } from '../format.ts';

/**
 * Steps allowed per allowed event. A healthy run spends at most two pool steps per event (each
 * request is attached once, queued and dequeued at most once; each connection opened and closed
 * once; tests/unit/sim/termination.test.ts measures the ratio over random scenarios), so four per
 * event only stops runs that go round in circles.
 */
export const STEPS_PER_EVENT = 4;
const CHECK_MASK = 0xffff;

export class WorkBound {
  private used = 0;
  readonly limit: number;

  constructor(
    readonly maxEvents: number,
    private readonly shouldStop?: () => boolean,
  ) {
    this.limit = maxEvents * STEPS_PER_EVENT;
  }

  get steps(): number {
    return this.used;
  }

  step(): void {
    if ((++this.used & CHECK_MASK) === 0) this.check();
  }

  check(): void {
    if (this.used > this.limit) {
      throw new SimError(`the run needs more than ${formatNumber(this.limit, 0)} steps of pool work (events and connection hand-offs); lower sim.requests or the load`);
    }
    if (this.shouldStop?.()) throw new SimAbortedError();
  }
}
