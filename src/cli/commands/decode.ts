import { decodeShareFragment } from '../../core/index.ts';
import { CliError, printJson, type CliIO } from '../io.ts';
import type { Command } from '../command.ts';

export const decodeCommand: Command = {
  name: 'decode',
  usage: 'decode <share-url>',
  summary: 'print the scenario a share link holds, as JSON',
  async run(args: string[], io: CliIO): Promise<number> {
    const url = args[0];
    if (!url) throw new CliError('missing share link');
    const result = decodeShareFragment(url);
    if (!result.ok) throw new CliError(result.error);
    for (const warning of result.warnings) io.stderr(`pool-sizer decode: note: ${warning}\n`);
    printJson(io, result.payload.scenario);
    return 0;
  },
};
