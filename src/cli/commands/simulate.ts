import { parseScenario, formatErrors, simulate, simResultToJson, SimError, type Scenario } from '../../core/index.ts';
import { CliError, printJson, readScenarioArg, readText, type CliIO } from '../io.ts';
import type { Command } from '../command.ts';

/** Parses a trace CSV: `start,duration` per line (seconds), an optional header line, # comments. */
export function parseTraceCsv(text: string, file: string): [number, number][] {
  const rows: [number, number][] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const cells = trimmed.split(/[,;\t]/).map((c) => c.trim());
    const start = Number(cells[0]);
    const duration = Number(cells[1]);
    if (cells.length < 2 || !Number.isFinite(start) || !Number.isFinite(duration)) {
      if (i === 0 && rows.length === 0) return; // a header line such as "start,duration"
      throw new CliError(`${file} line ${i + 1}: expected "start,duration" in seconds (got "${trimmed.slice(0, 40)}")`);
    }
    rows.push([start, duration]);
  });
  if (!rows.length) throw new CliError(`${file}: no rows`);
  return rows;
}

async function withTrace(scenario: Scenario, file: string): Promise<Scenario> {
  const rows = parseTraceCsv(await readText(file), file);
  const result = parseScenario({ ...scenario, workload: { ...scenario.workload, arrival: { kind: 'trace', rows } } });
  if (!result.ok) throw new CliError(`invalid trace: ${formatErrors(result.errors).replace(/workload\.arrival\.rows/g, 'trace row')}`);
  return result.scenario;
}

export const simulateCommand: Command = {
  name: 'simulate',
  usage: 'simulate <scenario.json | -> [--trace file.csv]',
  summary: 'simulate the pool (queueing, handshakes, keep-alive) and print the statistics as JSON',
  async run(args: string[], io: CliIO): Promise<number> {
    const traceAt = args.indexOf('--trace');
    let tracePath: string | undefined;
    if (traceAt >= 0) {
      tracePath = args[traceAt + 1];
      if (!tracePath) throw new CliError('--trace needs a CSV file');
      args = args.filter((_, i) => i !== traceAt && i !== traceAt + 1);
    }
    const unknown = args.find((a) => a.startsWith('--'));
    if (unknown) throw new CliError(`unknown option ${unknown}`);
    let scenario = await readScenarioArg(args[0], io);
    if (tracePath) scenario = await withTrace(scenario, tracePath);
    try {
      printJson(io, simResultToJson(simulate(scenario)));
    } catch (err) {
      if (err instanceof SimError) throw new CliError(err.message);
      throw err;
    }
    return 0;
  },
};
