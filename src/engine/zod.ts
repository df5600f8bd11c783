/**
 * zod, configured once: without JIT, because the production page's Content-Security-Policy forbids
 * `new Function` (zod's probe for it would be reported as a policy violation). Import z from here
 * (or from state/schema.ts, which re-exports it), never from 'zod' directly.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
