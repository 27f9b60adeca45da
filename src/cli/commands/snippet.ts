import { buildSnippetInput, findSnippetTarget, SNIPPET_TARGETS } from '../../core/index.ts';
import { CliError, readScenarioArg, type CliIO } from '../io.ts';
import type { Command } from '../command.ts';

export const snippetCommand: Command = {
  name: 'snippet',
  usage: 'snippet <target> <scenario.json | ->',
  summary: `print ready-to-paste client code with the scenario's own pool settings (targets: ${SNIPPET_TARGETS.map((t) => t.id).join(', ')})`,
  async run(args: string[], io: CliIO): Promise<number> {
    const [targetId, scenarioArg] = args;
    if (!targetId) throw new CliError(`missing target (one of ${SNIPPET_TARGETS.map((t) => t.id).join(', ')})`);
    const target = findSnippetTarget(targetId);
    if (!target) throw new CliError(`unknown target "${targetId.slice(0, 40)}" (one of ${SNIPPET_TARGETS.map((t) => t.id).join(', ')})`);
    const scenario = await readScenarioArg(scenarioArg, io);
    io.stdout(target.generate(buildSnippetInput(scenario)));
    return 0;
  },
};
