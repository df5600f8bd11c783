import { intertwinerManifest } from './manifest';
import type { LabDefinition, Params } from '../../engine/lab';
import { num, str } from '../../engine/params';
import { decodeMnist, MNIST_ASSET } from '../../data/mnist';
import { activationSet } from './activations';
import { type Task } from './layers';
import { intertwinerMetrics } from './metrics';

export const intertwinerLab: LabDefinition = {
  ...intertwinerManifest,
  async createRun(params: Params, ctx) {
    const data = decodeMnist(await ctx.loadAsset(MNIST_ASSET));
    // The model (and tfjs) loads here, in the worker or the runner, never on the page's main thread.
    const { createIntertwinerModel } = await import('./model');
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
      },
      data,
      ctx.rng,
    );
  },
  metrics: (snapshot, params) => intertwinerMetrics(snapshot, params),
};
