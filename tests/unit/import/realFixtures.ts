/** The real fixtures and the truth each was generated from (its own schedule, not the import's output). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Truth {
  file: string;
  apiCalls: number;
  meanDurationSec: number;
  ratePerSec: number;
}

interface Schedule {
  schedule: { atMs: number; delayMs: number }[];
}

function truthOf(file: string, scheduleFile: string): Truth {
  const { schedule } = JSON.parse(readFileSync(scheduleFile, 'utf8')) as Schedule;
  const starts = schedule.map((s) => s.atMs).sort((a, b) => a - b);
  return {
    file,
    apiCalls: schedule.length,
    meanDurationSec: schedule.reduce((sum, s) => sum + s.delayMs, 0) / schedule.length / 1000,
    ratePerSec: ((schedule.length - 1) / (starts[starts.length - 1]! - starts[0]!)) * 1000,
  };
}

const root = join(process.cwd(), 'tests', 'fixtures');

export const OTEL_FIXTURE = truthOf(join(root, 'otel', 'otlp-fetch.jsonl'), join(root, 'otel', 'otlp-fetch.schedule.json'));

export const HAR_FIXTURE = truthOf(join(root, 'har', 'chromium-fetch.har'), join(root, 'har', 'chromium-fetch.schedule.json'));
