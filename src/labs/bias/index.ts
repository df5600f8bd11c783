import { biasManifest } from './manifest';
import type { LabDefinition, Params } from '../../engine/lab';
import { num, str } from '../../engine/params';
import { ACTIVATIONS, type Activation } from './params';
import { biasMetrics, dataSpecOf } from './metrics';

export const biasLab: LabDefinition = {
  ...biasManifest,
  async createRun(params: Params, ctx) {
    // The model (and tfjs) loads here, in the worker or the runner, never on the page's main thread.
    const { createBiasModel } = await import('./model');
    const data = dataSpecOf(params);
    const first = data.features.findIndex((f) => f.kind === str(params, 'first'));
    const activation = str(params, 'activation');
    return createBiasModel(
      {
        data,
        width: num(params, 'width'),
        rep: num(params, 'rep'),
        activation: (ACTIVATIONS as readonly string[]).includes(activation) ? (activation as Activation) : 'relu',
        batch: num(params, 'batch'),
        lr: num(params, 'lr'),
        first,
        firstSteps: num(params, 'firstSteps'),
        initScale: num(params, 'init'),
        loss: str(params, 'loss') === 'mse' ? 'mse' : 'bce',
      },
      ctx.rng,
    );
  },
  metrics: (snapshot, params) => biasMetrics(snapshot, params),
};
