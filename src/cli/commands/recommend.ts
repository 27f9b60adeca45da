import { computeFormula } from '../../core/index.ts';
import { printJson, readScenarioArg, type CliIO } from '../io.ts';
import type { Command } from '../command.ts';

export const recommend: Command = {
  name: 'recommend',
  usage: 'recommend <scenario.json | ->',
  summary: 'size the pool with the formula and print the result and its steps as JSON',
  async run(args: string[], io: CliIO): Promise<number> {
    const scenario = await readScenarioArg(args[0], io);
    const result = computeFormula(scenario);
    printJson(io, {
      poolSize: result.poolSize,
      maxConnections: result.maxConnections,
      maxKeepalive: result.maxKeepalive,
      keepaliveSec: result.keepaliveSec,
      protocol: result.protocol,
      inFlight: result.inFlight,
      ratePerSec: result.ratePerSec,
      meanResponseSec: result.meanResponseSec,
      h2Connections: result.h2Connections,
      perTenantMaxConnections: result.perTenantMaxConnections,
      pools: result.pools,
      steps: result.steps,
    });
    return 0;
  },
};
