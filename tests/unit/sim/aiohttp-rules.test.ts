/**
 * aiohttp's pool rules (src/core/clients/aiohttp/policy.ts), each pinned by a trace small enough to
 * work out on paper: two connections go idle at 1 s and 2 s, then requests arrive at 3 s.
 */
import { describe, expect, it } from 'vitest';
import { replay } from './helpers.ts';

// r1 holds connection A until 1 s, r2 holds B until 2 s; r3 arrives at 3 s.
const rows: [number, number][] = [
  [0, 1],
  [0, 2],
  [3, 1],
];

describe('aiohttp pool rules', () => {
  it('should reuse the connection idle longest (FIFO), where the generic rules take the newest', () => {
    const pool = { maxConnections: 2, maxKeepalive: 2, keepaliveSec: 60 };
    // A has been idle 2 s when r3 takes it (less the 10 ms set-up); the generic rules would take B, idle 1 s.
    expect(replay(rows, pool, { client: 'aiohttp' }).idleBeforeReuseSec.mean).toBeCloseTo(2, 1);
    expect(replay(rows, pool).idleBeforeReuseSec.mean).toBeCloseTo(1, 1);
  });

  it('should keep every idle connection whatever max keep-alive says (no idle cap)', () => {
    const pool = { maxConnections: 2, maxKeepalive: 1, keepaliveSec: 60 };
    const both: [number, number][] = [...rows, [3, 1]];
    // Both A and B are still open at 3 s: r3 and r4 reuse them, no new connection.
    expect(replay(both, pool, { client: 'aiohttp' }).newConnections).toBe(2);
    // The generic rules closed B when it ended with A already idle: r4 opens a third.
    expect(replay(both, pool).newConnections).toBe(3);
  });

  it('should close an expired connection when picking it and take the next idle one', () => {
    // Keep-alive 1.5 s: at 3 s A (idle 2 s) has expired, B (idle 1 s) has not.
    const r = replay(rows, { maxConnections: 2, maxKeepalive: 2, keepaliveSec: 1.5 }, { client: 'aiohttp' });
    expect(r.newConnections).toBe(2);
    expect(r.expiredIdle).toBeGreaterThanOrEqual(1);
    expect(r.idleBeforeReuseSec.mean).toBeCloseTo(1, 1);
  });

  it('should time the wait for a free connection (its connect timeout)', () => {
    // One connection held 5 s; the second request waits and gives up after the 1 s pool timeout.
    const r = replay(
      [
        [0, 5],
        [0, 1],
      ],
      { maxConnections: 1, maxKeepalive: 1, keepaliveSec: 60, poolTimeoutSec: 1 },
      { client: 'aiohttp' },
    );
    expect(r.poolTimeouts).toBe(1);
  });
});
