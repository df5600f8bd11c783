/**
 * Node resolve hook: tfjs-core's ESM files import `./gradients` where both gradients.js and a
 * gradients/ folder exist; bundlers pick the file, Node's ESM resolver rejects the folder. This
 * retries such relative specifiers with `.js`, so Node (the runner, the bench) can load
 * `@tensorflow/tfjs-core/dist/register_all_gradients` like Vite and Vitest do.
 */
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    const retry =
      (err?.code === 'ERR_UNSUPPORTED_DIR_IMPORT' || err?.code === 'ERR_MODULE_NOT_FOUND') &&
      specifier.startsWith('.') &&
      !specifier.endsWith('.js');
    if (retry) return next(`${specifier}.js`, context);
    throw err;
  }
}
