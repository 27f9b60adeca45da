import {
  applyProposal,
  CLIENT_IDS,
  compareDifferences,
  findClient,
  bestProposal,
  recommendForTarget,
  simResultToJson,
  simulate,
  SimError,
  withClientDefaults,
  type Scenario,
} from '../../core/index.ts';
import { CliError, printJson, readScenarioArg, type CliIO } from '../io.ts';
import { refuseUnknownOptions, takeOption } from '../options.ts';
import type { Command } from '../command.ts';

export const compareCommand: Command = {
  name: 'compare',
  usage: 'compare <scenario.json | -> [--client id]',
  summary: `simulate the same traffic with the client's defaults, your pool and the recommendation (clients: ${CLIENT_IDS.join(', ')})`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { value: clientArg, rest } = takeOption(args, '--client');
    refuseUnknownOptions(rest);
    const read = await readScenarioArg(rest[0], io);
    const clientId = clientArg ?? read.client;
    if (clientId === undefined) throw new CliError(`choose the client with --client (one of ${CLIENT_IDS.join(', ')}) or set "client" in the scenario`);
    const client = findClient(clientId);
    if (!client) throw new CliError(`unknown client "${clientId.slice(0, 40)}" (one of ${CLIENT_IDS.join(', ')})`);
    const scenario: Scenario = { ...read, client: client.id as Scenario['client'] };
    const proposal = bestProposal(scenario, recommendForTarget(scenario));
    try {
      const results = {
        today: simulate(withClientDefaults(scenario, client)),
        yours: simulate(scenario),
        // The target-based proposal when one meets the target, else the formula's (as on the page).
        recommended: simulate(applyProposal(scenario, proposal)),
      };
      printJson(io, {
        client: simResultToJson(results.today),
        yours: simResultToJson(results.yours),
        recommended: simResultToJson(results.recommended),
        recommendedPools: proposal.pools,
        differences: compareDifferences(scenario, client, results, proposal.pools[0]!),
      });
    } catch (err) {
      if (err instanceof SimError) throw new CliError(err.message);
      throw err;
    }
    return 0;
  },
};
