/** zod for the app state, configured without JIT (see engine/zod.ts, where the configuration lives). */
export { z } from '../engine/zod';
