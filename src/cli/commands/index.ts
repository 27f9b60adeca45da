import type { Command } from '../command.ts';
import { recommend } from './recommend.ts';
import { simulateCommand } from './simulate.ts';
import { linkCommand } from './link.ts';
import { decodeCommand } from './decode.ts';
import { snippetCommand } from './snippet.ts';
import { compareCommand } from './compare.ts';
import { importCommand } from './import.ts';
import { auditCommand } from './audit.ts';
import { checkCommand } from './check.ts';

/** Every sub-command, in the order `pool-sizer --help` lists them. Add new commands here. */
export const COMMANDS: Command[] = [recommend, simulateCommand, linkCommand, decodeCommand, snippetCommand, compareCommand, importCommand, auditCommand, checkCommand];
