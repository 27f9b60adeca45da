import { auditedScenario } from '../../core/audit/index.ts';
import { describeTarget, meetsTarget, recommendForTarget, simulate, SimError, targetValue, type Scenario } from '../../core/index.ts';
import { CliError, readScenarioArg, type CliIO } from '../io.ts';
import { refuseUnknownOptions } from '../options.ts';
import type { Command } from '../command.ts';
import { readCode, runAudit } from './audit.ts';
import { pathVerdict } from '../../core/path/verdict.ts';

interface Problem { file: string; line: number; message: string }

/** `--code a.py b.ts` takes every argument after it up to the next option. */
function splitCode(args: string[]): { code: string[]; rest: string[] } {
  const at = args.indexOf('--code');
  if (at < 0) throw new CliError('missing --code: name the client code files to check');
  let end = at + 1;
  while (end < args.length && !args[end]!.startsWith('--')) end++;
  return { code: args.slice(at + 1, end), rest: [...args.slice(0, at), ...args.slice(end)] };
}

const ghEscape = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProp = (s: string): string => ghEscape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const checkCommand: Command = {
  name: 'check',
  usage: 'check <scenario.json | -> --code <file> …',
  summary: 'audit client code and simulate each pool found under the scenario; exit 1 when one misses the target, loses requests on the scenario\'s path or a finding is an error',
  async run(args: string[], io: CliIO): Promise<number> {
    const { code, rest } = splitCode(args);
    refuseUnknownOptions(rest);
    if (code.includes('-') && rest[0] === '-') throw new CliError('standard input can hold the scenario or the code, not both');
    const scenario = await readScenarioArg(rest[0], io);
    const result = runAudit(await readCode(code, io));
    const problems: Problem[] = [];
    const notes: string[] = [];
    for (const f of result.findings) if (f.severity === 'error') problems.push({ file: f.file, line: f.line, message: `${f.kind}: ${f.message} (fix: ${f.fix})` });
    for (const client of result.clients) {
      const next = auditedScenario(scenario, client);
      if (typeof next === 'string') {
        notes.push(`${client.file}:${client.line}: ${client.library}: not simulated (${next})`);
        continue;
      }
      const verdict = judge(next);
      if (verdict) problems.push({ file: client.file, line: client.line, message: `${client.library}: ${verdict}` });
    }
    for (const n of notes) io.stdout(`note: ${n}\n`);
    for (const p of problems) io.stdout(`${p.file}:${p.line}: ${p.message}\n`);
    if (process.env.GITHUB_ACTIONS) for (const p of problems) io.stdout(`::error file=${ghProp(p.file)},line=${p.line}::${ghEscape(p.message)}\n`);
    if (problems.length === 0) io.stdout(`ok: ${result.clients.length} client${result.clients.length === 1 ? '' : 's'} checked against ${describeTarget(scenario.target)}\n`);
    return problems.length > 0 ? 1 : 0;
  },
};

/**
 * Null when the pool meets the scenario's target and loses nothing on its path; else one sentence
 * with the figure and what would fix it (the size that meets the target, the path verdict's advice).
 */
function judge(s: Scenario): string | null {
  try {
    const result = simulate(s);
    const path = pathVerdict(s, result);
    if (path?.verdict === 'bad') return `loses requests on the path (${path.value}): ${path.advice}`;
    if (meetsTarget(result, s.target)) return null;
    const figure = targetValue(result, s.target);
    const shown = s.target.metric === 'pWait' ? `P(wait) ${(figure * 100).toFixed(1)} %` : `p99 queue wait ${figure.toFixed(0)} ms`;
    const rec = recommendForTarget(s);
    const fix = rec.met ? `; max_connections ${rec.maxConnections} meets it` : '';
    return `pool of ${s.pool.maxConnections} misses the target (${describeTarget(s.target)}): ${shown}${fix}`;
  } catch (err) {
    if (err instanceof SimError) throw new CliError(err.message);
    throw err;
  }
}
