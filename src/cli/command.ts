import type { CliIO } from './io.ts';

/** One CLI sub-command: argument parsing and I/O only; the work is done by src/core. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], io: CliIO): Promise<number>;
}
