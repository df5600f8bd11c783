import type { LabDefinition, Params } from '../../engine/lab';
import { num, str } from '../../engine/params';
import { biasParamSchema, biasParams, ACTIVATIONS, type Activation } from './params';
import { biasPresets } from './presets';
import { biasMetrics, dataSpecOf } from './metrics';
import { biasViewParamSchema, biasViewParams } from './view-params';

export const biasLab: LabDefinition = {
  id: 'bias',
  title: 'Feature bias',
  summary:
    'Features computed equally well are not represented equally: a single bit takes far more of a layer’s variance than an XOR, and learning order and prevalence shift the shares.',
  paramSchema: biasParamSchema,
  params: biasParams,
  viewParamSchema: biasViewParamSchema,
  viewParams: biasViewParams,
  presets: biasPresets,
  defaultSteps: 4000,
  viewIds: ['curves', 'pca', 'bars'],
  benchPreset: 'easy-vs-hard',
  weightShapes(params) {
    const data = dataSpecOf(params);
    const sizes = [data.inputs, num(params, 'width'), num(params, 'width'), num(params, 'rep'), data.features.length];
    const shapes: Record<string, number[]> = {};
    for (let l = 0; l < sizes.length - 1; l++) {
      shapes[`W${l + 1}`] = [sizes[l]!, sizes[l + 1]!];
      shapes[`b${l + 1}`] = [1, sizes[l + 1]!];
    }
    return shapes;
  },
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
  loadViews: () => import('./views'),
};
