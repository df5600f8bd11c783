import { spotlightManifest } from './manifest';
import type { LabDefinition, Params, RunContext } from '../../engine/lab';
import { num, str } from '../../engine/params';
import { decodeMnist, MNIST_ASSET, mnistImages } from '../../data/mnist';
import { continuousSamples, type ContinuousKind } from '../../data/continuous';
import type { SpotlightRun } from './model';
import { activationSpec, chosenActivations, defaultEpsilon, MAX_PLANES } from './params';
import { spotlightMetrics } from './metrics';
import { analyseImportFiles } from './import-files';

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
  ...spotlightManifest,
  createRun: (params, ctx) => createSpotlightRun(params, ctx),
  metrics: (snapshot, params) => spotlightMetrics(snapshot, params, defaultEpsilon(num(params, 'k'))),
  fileAnalysis: {
    trigger: 'activations',
    fileFlags: ['activations', 'basis'],
    optionFlags: ['epsilon'],
    analyse: (files, options) => ({ ...analyseImportFiles(files, options) }),
  },
};
