import { readFile } from 'node:fs/promises';
import { formatErrors, parseScenarioJson, type Scenario } from '../core/index.ts';

/** What a command may touch: injected so tests drive the CLI in-process without spawning. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
}

/** A user error: printed as one line, exit code 2, never a stack trace. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** Reads a scenario from a file path, or from standard input when the argument is `-`. */
export async function readScenarioArg(arg: string | undefined, io: CliIO): Promise<Scenario> {
  if (!arg) throw new CliError('missing scenario: pass a JSON file or - for standard input');
  const text = arg === '-' ? await io.readStdin() : await readText(arg);
  const result = parseScenarioJson(text);
  if (!result.ok) throw new CliError(`invalid scenario: ${formatErrors(result.errors)}`);
  return result.scenario;
}

export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new CliError(`cannot read ${path}: ${reason}`);
  }
}

export function printJson(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
