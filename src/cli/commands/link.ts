import { DEFAULT_VIEW, linkRefusal, shareUrl } from '../../core/index.ts';
import { CliError, readScenarioArg, type CliIO } from '../io.ts';
import type { Command } from '../command.ts';

/** Where `npm run dev` serves the app; pass --base for a deployed copy. */
export const DEFAULT_LINK_BASE = 'http://localhost:5173/';

export const linkCommand: Command = {
  name: 'link',
  usage: 'link <scenario.json | -> [--base URL]',
  summary: `print the share link of a scenario (base defaults to ${DEFAULT_LINK_BASE})`,
  async run(args: string[], io: CliIO): Promise<number> {
    let base = DEFAULT_LINK_BASE;
    const at = args.indexOf('--base');
    if (at >= 0) {
      const value = args[at + 1];
      if (!value || !/^https?:\/\/\S+$/.test(value)) throw new CliError('--base needs an http(s) URL, e.g. https://pool-sizer.example/');
      base = value;
      args = args.filter((_, i) => i !== at && i !== at + 1);
    }
    const unknown = args.find((a) => a.startsWith('--'));
    if (unknown) throw new CliError(`unknown option ${unknown}`);
    const scenario = await readScenarioArg(args[0], io);
    const refusal = linkRefusal(scenario);
    if (refusal) throw new CliError(`no link for this scenario: ${refusal}; share the scenario file instead`);
    io.stdout(`${shareUrl(base, { scenario, view: DEFAULT_VIEW })}\n`);
    return 0;
  },
};
