import type { Plugin } from 'vite';

/**
 * Multi-threaded tfjs-wasm starts each pthread worker from `wasmFactoryThreadedSimd.toString()`, so
 * the factory must not depend on its enclosing scope. It reads one outer variable, `_scriptDir`
 * (the script's URL, unused when the module is passed in from a blob); after minification that
 * variable is renamed (e.g. `e`) and every pthread worker dies with "e is not defined". This
 * rewrites the factory so it names no outer variable at all.
 */
const FACTORY = /tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;
const OUTER_DECLARATION =
  /var _scriptDir = typeof document !== 'undefined' && document\.currentScript \? document\.currentScript\.src : undefined;\s*if \(typeof __filename !== 'undefined'\) _scriptDir = _scriptDir \|\| __filename;/;

export function selfContainedWasmThreads(): Plugin {
  return {
    name: 'self-contained-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!FACTORY.test(id.split('?')[0]!)) return null;
      if (!OUTER_DECLARATION.test(code))
        this.error('tfjs-backend-wasm changed: the threaded factory no longer declares _scriptDir as expected');
      return { code: code.replace(OUTER_DECLARATION, '').replace(/\b_scriptDir\b/g, 'undefined'), map: null };
    },
  };
}
