/**
 * zod probes for eval (`new Function("")`) to decide whether to compile its parsers. Under the
 * page's CSP (script-src 'self') eval is refused anyway, but the probe itself is reported as a CSP
 * violation. jitless skips the probe; parsing works the same. Imported first by main.tsx, before
 * any module that parses at load time.
 */
import { config } from 'zod';

config({ jitless: true });
