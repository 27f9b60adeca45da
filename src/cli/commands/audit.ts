import { audit, AuditError, type AuditInput } from '../../core/audit/index.ts';
import { CliError, printJson, readText, type CliIO } from '../io.ts';
import { refuseUnknownOptions } from '../options.ts';
import type { Command } from '../command.ts';

/** Reads the code files named (or standard input for -): the CLI's half of the audit, shared with check. */
export async function readCode(paths: string[], io: CliIO): Promise<AuditInput[]> {
  if (paths.length === 0) throw new CliError('missing code: pass Python, JavaScript/TypeScript, Go or Java files, or - for standard input');
  const inputs: AuditInput[] = [];
  for (const path of paths) inputs.push({ name: path === '-' ? '<stdin>' : path, text: path === '-' ? await io.readStdin() : await readText(path) });
  return inputs;
}

export function runAudit(inputs: AuditInput[]): ReturnType<typeof audit> {
  try {
    return audit(inputs);
  } catch (err) {
    if (err instanceof AuditError) throw new CliError(err.message);
    throw err;
  }
}

export const auditCommand: Command = {
  name: 'audit',
  usage: 'audit <file.py | file.ts | file.go | File.java | -> …',
  summary: 'read client code (never run it) and print the pools it builds and the findings as JSON',
  async run(args: string[], io: CliIO): Promise<number> {
    refuseUnknownOptions(args);
    const result = runAudit(await readCode(args, io));
    printJson(io, {
      clients: result.clients.map(({ file, line, client, library, pools, unknown, fromEnv, notes }) => ({ file, line, client, library, pools, unknown, fromEnv, notes })),
      findings: result.findings,
    });
    return 0;
  },
};
