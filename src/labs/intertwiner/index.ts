import type { LabDefinition, Params } from '../../engine/lab';
import { num, str } from '../../engine/params';
import { decodeMnist, MNIST_ASSET } from '../../data/mnist';
import { activationSet } from './activations';
import { createIntertwinerModel, type Task } from './model';
import { intertwinerParams } from './params';
import { intertwinerPresets } from './presets';
import { intertwinerMetrics } from './metrics';

/** True inside the page's training worker: there the map fits are throttled. */
function inWorker(): boolean {
  return typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
}

export const intertwinerLab: LabDefinition = {
  id: 'intertwiner',
  title: 'Intertwiners',
  summary:
    'Two networks from different seeds, per activation: their hidden layers align by the activation’s symmetry group — permutations for ReLU, rotations for an isotropic activation.',
  params: intertwinerParams,
  presets: intertwinerPresets,
  defaultSteps: 600,
  benchPreset: 'relu-vs-isotropic',
  async createRun(params: Params, ctx) {
    const data = decodeMnist(await ctx.loadAsset(MNIST_ASSET));
    return createIntertwinerModel(
      {
        task: str(params, 'task') as Task,
        activations: activationSet(str(params, 'activations')),
        hidden: num(params, 'hidden'),
        bottleneck: num(params, 'bottleneck'),
        batch: num(params, 'batch'),
        lr: num(params, 'lr'),
        centreInputs: params.centre === true,
        initScale: num(params, 'initScale'),
        weightDecay: num(params, 'weightDecay'),
        throttleFits: inWorker(),
      },
      data,
      ctx.rng,
    );
  },
  metrics: (snapshot, params) => intertwinerMetrics(snapshot, params),
  loadViews: () => import('./views'),
};
