/**
 * zod probes for eval (`new Function("")`) on its first parse to decide whether to compile its
 * parsers. The page's CSP (script-src 'self') refuses eval, and the refused probe is reported as a
 * CSP violation. jitless skips the probe; parsing gives the same results. Configured here, where
 * the schemas are built, so no bundling order can run a parse before it.
 */
import { config } from 'zod';

config({ jitless: true });
