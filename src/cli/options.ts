import { CliError } from './io.ts';

/**
 * Removes `--name value` from args and returns the value (undefined when absent). Any other
 * `--option` left over is refused by `refuseUnknownOptions`, so a typo never passes silently.
 */
export function takeOption(args: string[], name: string): { value: string | undefined; rest: string[] } {
  const at = args.indexOf(name);
  if (at < 0) return { value: undefined, rest: args };
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new CliError(`${name} needs a value`);
  return { value, rest: args.filter((_, i) => i !== at && i !== at + 1) };
}

export function refuseUnknownOptions(args: string[]): void {
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) throw new CliError(`unknown option ${unknown.slice(0, 40)}`);
}
