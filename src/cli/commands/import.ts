import { formatErrors, parseScenario } from '../../core/index.ts';
import { IMPORT_FORMATS, ImportError, fitTraffic, importTraffic, parseMappingText, toScenario, type ImportFormat, type ImportSummary } from '../../core/import/index.ts';
import { CliError, printJson, readText, type CliIO } from '../io.ts';
import { refuseUnknownOptions, takeOption } from '../options.ts';
import type { Command } from '../command.ts';

function takeFlag(args: string[], name: string): { on: boolean; rest: string[] } {
  return { on: args.includes(name), rest: args.filter((a) => a !== name) };
}

/** One line for stderr: what was kept and why, so a piped scenario still says what it was built from. */
function describe(summary: ImportSummary): string {
  const left = summary.dropped.map((d) => `${d.count} ${d.reason}`).join(', ');
  const to = summary.origin ? ` to ${summary.origin} (${summary.why})` : ` (${summary.why})`;
  return `kept ${summary.kept} of ${summary.requests} calls${to}${left ? `; left out: ${left}` : ''}`;
}

export const importCommand: Command = {
  name: 'import',
  usage: 'import <traffic file | -> [--format otlp|har|csv|jsonl] [--host H] [--map col=…] [--fit] [--summary]',
  summary: 'read OTLP/JSON traces, HAR or a CSV/JSON-lines request log and print a scenario replaying it (--fit: a fitted arrival model; --summary: what was read)',
  async run(args: string[], io: CliIO): Promise<number> {
    const format = takeOption(args, '--format');
    const host = takeOption(format.rest, '--host');
    const map = takeOption(host.rest, '--map');
    const fit = takeFlag(map.rest, '--fit');
    const summaryOnly = takeFlag(fit.rest, '--summary');
    refuseUnknownOptions(summaryOnly.rest);
    const file = summaryOnly.rest[0];
    if (!file) throw new CliError('missing traffic file: pass a file or - for standard input');
    if (summaryOnly.rest.length > 1) throw new CliError(`one file at a time (got ${summaryOnly.rest.length})`);
    if (format.value !== undefined && !IMPORT_FORMATS.includes(format.value as ImportFormat)) {
      throw new CliError(`--format takes ${IMPORT_FORMATS.join(', ')} (got "${format.value.slice(0, 40)}")`);
    }
    let columns;
    try {
      columns = map.value === undefined ? undefined : parseMappingText(map.value);
    } catch (err) {
      if (err instanceof ImportError) throw new CliError(err.message);
      throw err;
    }
    const text = file === '-' ? await io.readStdin() : await readText(file);
    try {
      const traffic = importTraffic(text, {
        ...(format.value !== undefined && { format: format.value as ImportFormat }),
        ...(file !== '-' && { fileName: file }),
        ...(host.value !== undefined && { host: host.value }),
        ...(columns && { columns }),
      });
      const fitted = fitTraffic(traffic);
      if (summaryOnly.on) {
        printJson(io, { summary: traffic.summary, fit: fitted });
        return 0;
      }
      const result = parseScenario(toScenario(traffic, fitted, { fitted: fit.on }));
      if (!result.ok) throw new CliError(`the imported scenario is invalid: ${formatErrors(result.errors)}`);
      io.stderr(`pool-sizer import: ${describe(traffic.summary)}\n`);
      printJson(io, result.scenario);
      return 0;
    } catch (err) {
      if (err instanceof ImportError) throw new CliError(`${file === '-' ? 'stdin' : file} ${err.message}`);
      throw err;
    }
  },
};
