/**
 * The architecture's walls (README, "Architecture"), checked by `npm run lint:deps` inside `npm test`.
 * Layers, bottom up: analysis/ and data/ (pure maths and data: no tfjs, no lab, no UI) → nn/ (shared
 * network building blocks) → engine/ (owns the run) → labs/ (side by side) → state/, ui/ (the shell).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'pure-analysis-and-data',
      comment: 'analysis/ and data/ are pure: they import no lab, no engine run code, no UI, no tfjs.',
      severity: 'error',
      from: { path: '^src/(analysis|data)/' },
      to: { path: ['^src/(labs|ui|state|engine/(?!rng))', '^src/nn/', '@tensorflow'] },
    },
    {
      name: 'nn-below-labs',
      severity: 'error',
      from: { path: '^src/nn/' },
      to: { path: '^src/(labs|ui|state)/' },
    },
    {
      name: 'engine-imports-no-lab',
      comment: 'The engine owns the run and imports no lab, no app state (the worker gets its labs from labs/trainer-worker.ts).',
      severity: 'error',
      from: { path: '^src/engine/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(labs|state)/' },
    },
    {
      name: 'page-loads-manifests',
      comment:
        "The page lists labs by their manifests (labs/manifests.ts); a lab's code loads when it opens (in the worker), so the entry chunk stays small.",
      severity: 'error',
      from: { path: '^src/(state|ui|tours)/|^src/main\\.tsx$', pathNot: '\\.test\\.tsx?$' },
      to: { path: ['^src/labs/registry\\.ts$', '^src/labs/[^/]+/(index|model|metrics)\\.ts$'] },
    },
    {
      name: 'manifests-are-light',
      comment: 'A manifest holds what the page needs before a lab opens: no model, no tfjs, no run code.',
      severity: 'error',
      from: { path: '^src/labs/[^/]+/manifest\\.ts$' },
      to: { path: ['^src/labs/[^/]+/(index|model)\\.ts$', '@tensorflow', '^src/engine/(tf|owned-run|worker|trainer)\\.ts$'] },
    },
    {
      name: 'labs-side-by-side',
      comment: 'A lab imports no other lab: shared code moves down (analysis, data, nn, engine, ui/charts).',
      severity: 'error',
      from: { path: '^src/labs/([^/]+)/' },
      // The registry lists every lab; a lab (or its runner test) may look itself up there, and any
      // import that closes a loop is caught by no-cycles.
      to: { path: '^src/labs/', pathNot: ['^src/labs/$1/', '^src/labs/registry\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist)' },
  },
};
