import { COMMANDS } from './commands/index.ts';
import { CliError, type CliIO } from './io.ts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  const lines = COMMANDS.map((c) => `  pool-sizer ${c.usage.padEnd(width)}  ${c.summary}`);
  return `Usage:\n${lines.join('\n')}\n\nA scenario is a JSON file (see docs/scenario.md); - reads it from standard input.\n`;
}

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`pool-sizer: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`pool-sizer ${name}: ${oneLine(err.message)}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`pool-sizer ${name}: internal error: ${oneLine(err instanceof Error ? err.message : String(err))}\n`);
    return EXIT_FAILURE;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
