import { applyProposal, computeFormula, formulaProposal, recommendForTarget, targetProposal, type Scenario } from '../../core/index.ts';
import { CliError, printJson, readScenarioArg, type CliIO } from '../io.ts';
import { refuseUnknownOptions, takeOption } from '../options.ts';
import type { Command } from '../command.ts';

/** The scenario with a proposal written into its pools, as `snippet` and `simulate` read it. */
export function applied(scenario: Scenario, source: string): Scenario {
  if (source === 'formula') return applyProposal(scenario, formulaProposal(scenario));
  if (source === 'target') {
    const recommendation = recommendForTarget(scenario);
    const proposal = targetProposal(scenario, recommendation);
    if (!proposal) throw new CliError(recommendation.explanation);
    return applyProposal(scenario, proposal);
  }
  throw new CliError(`--apply takes formula or target (got "${source.slice(0, 40)}")`);
}

export const recommend: Command = {
  name: 'recommend',
  usage: 'recommend <scenario.json | -> [--apply formula|target]',
  summary: 'size the pool with the formula and print the result and its steps as JSON; --apply prints the scenario with that proposal in its pools',
  async run(args: string[], io: CliIO): Promise<number> {
    const { value: apply, rest } = takeOption(args, '--apply');
    refuseUnknownOptions(rest);
    const scenario = await readScenarioArg(rest[0], io);
    if (apply !== undefined) {
      printJson(io, applied(scenario, apply));
      return 0;
    }
    const result = computeFormula(scenario);
    printJson(io, {
      poolSize: result.poolSize,
      maxConnections: result.maxConnections,
      maxKeepalive: result.maxKeepalive,
      keepaliveSec: result.keepaliveSec,
      protocol: result.protocol,
      inFlight: result.inFlight,
      closedMeanInFlight: result.closedMeanInFlight,
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
