import type { LabDefinition, Params, RunContext } from '../../engine/lab';
import { num, str } from '../../engine/params';
import { decodeMnist, MNIST_ASSET, mnistImages } from '../../data/mnist';
import { continuousSamples, type ContinuousKind } from '../../data/continuous';
import type { SpotlightRun } from './model';
import { activationSpec, chosenActivations, defaultEpsilon, MAX_PLANES, spotlightParamSchema, spotlightParams } from './params';
import { spotlightPresets } from './presets';
import { spotlightMetrics } from './metrics';
import { analyseImportFiles } from './import-files';
import { spotlightViewParamSchema, spotlightViewParams } from './view-params';

/** Digits [0, PROBE) are the fixed probe set for the analyses; the rest train. */
export const PROBE = 2000;
const SYNTHETIC_TRAIN = 8192;

export async function createSpotlightRun(params: Params, ctx: RunContext): Promise<SpotlightRun> {
  // The model (and tfjs) loads here, in the worker or the runner, never on the page's main thread.
  const { createAutoencoder } = await import('./model');
  const k = num(params, 'k');
  const seed = num(params, 'seed');
  const names = chosenActivations(params);
  if (names.length === 0) throw new Error('choose at least one activation');
  const data = str(params, 'data');
  let train: Float32Array;
  let probe: Float32Array;
  let probeLabels: Uint8Array | undefined;
  let inputDim: number;
  if (data === 'mnist') {
    const mnist = decodeMnist(await ctx.loadAsset(MNIST_ASSET));
    inputDim = mnist.width * mnist.height;
    probe = mnistImages(mnist, 0, PROBE);
    probeLabels = mnist.labels.slice(0, PROBE);
    train = mnistImages(mnist, PROBE, mnist.count - PROBE);
  } else {
    inputDim = num(params, 'dim');
    train = continuousSamples(data as ContinuousKind, SYNTHETIC_TRAIN, inputDim, ctx.rng);
    probe = continuousSamples(data as ContinuousKind, PROBE, inputDim, ctx.rng);
  }
  return createAutoencoder(
    {
      inputDim,
      hidden: num(params, 'hidden'),
      k,
      batch: num(params, 'batch'),
      lr: num(params, 'lr'),
      optimizer: str(params, 'optimizer') === 'momentum' ? 'momentum' : 'adam',
      activations: names.map((n) => activationSpec(n, k, seed)),
      train,
      probe,
      probeLabels,
      epsilon: defaultEpsilon(k),
      maxPlanes: MAX_PLANES,
    },
    ctx.rng,
  );
}

export const spotlightLab: LabDefinition = {
  id: 'spotlight',
  title: 'Spotlight',
  summary:
    'An autoencoder ablation that changes only the activation: permutation-symmetric activations discretise the latent code (SRM peaks, PPPM clusters), isotropic ones keep it continuous.',
  paramSchema: spotlightParamSchema,
  params: spotlightParams,
  viewParamSchema: spotlightViewParamSchema,
  viewParams: spotlightViewParams,
  presets: spotlightPresets,
  defaultSteps: 1500,
  viewIds: ['anisotropy', 'srm', 'pppm', 'pppm-ensemble', 'latent', 'loss', 'import'],
  benchPreset: 'mnist-16',
  weightShapes(params) {
    const d = str(params, 'data') === 'mnist' ? 784 : num(params, 'dim');
    const [h, k, G] = [num(params, 'hidden'), num(params, 'k'), chosenActivations(params).length];
    return { W1: [d, G * h], b1: [1, G * h], W2: [G, h, k], b2: [G, 1, k], W3: [G, k, h], b3: [G, 1, h], W4: [G, h, d], b4: [G, 1, d] };
  },
  createRun: (params, ctx) => createSpotlightRun(params, ctx),
  metrics: (snapshot, params) => spotlightMetrics(snapshot, params, defaultEpsilon(num(params, 'k'))),
  loadViews: () => import('./views'),
  fileAnalysis: {
    trigger: 'activations',
    fileFlags: ['activations', 'basis'],
    optionFlags: ['epsilon'],
    analyse: (files, options) => ({ ...analyseImportFiles(files, options) }),
  },
};
