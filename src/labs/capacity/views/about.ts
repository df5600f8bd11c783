/** "About this view" for each capacity view (Scherlis et al., Polysemanticity and Capacity in Neural Networks). */
import type { ViewAbout } from '../../../ui/ViewPanel';

const PAPER =
  'Scherlis et al. (2022), Polysemanticity and Capacity in Neural Networks: capacity, its optimal allocation by marginal loss, and the effect of input kurtosis.';

export const CAPACITY_ABOUT = {
  capacity: {
    plotted: 'Each feature’s capacity Cᵢ against its importance vᵢ, coloured by regime.',
    formula: 'Cᵢ = (Wᵢ · Wᵢ)² / Σⱼ (Wᵢ · Wⱼ)²  (0 ≤ Cᵢ ≤ 1)',
    tex: 'C_i = \\frac{(W_i \\cdot W_i)^2}{\\sum_j (W_i \\cdot W_j)^2},\\quad 0 \\le C_i \\le 1',
    read: 'Cᵢ = 1: a monosemantic feature with a dimension to itself; 0 < Cᵢ < 1: polysemantic, sharing dimensions; Cᵢ = 0: ignored. The most important features are kept first.',
    tryThis: 'Drag the kurtosis slider: heavy-tailed (sparse) inputs make sharing cheaper and more features polysemantic.',
    paper: PAPER,
  },
  total: {
    plotted: 'The total capacity Σᵢ Cᵢ spent by the model, against the m dimensions it has.',
    formula: 'Σᵢ Cᵢ ≤ m (the number of hidden dimensions)',
    tex: '\\textstyle\\sum_i C_i \\le m',
    read: 'At the optimum the model spends all of its capacity: the sum approaches m.',
    tryThis: 'Compare regimes (sparse, K = 8) with dense: both fill their m = 5 dimensions, in different ways.',
    paper: PAPER,
  },
  marginal: {
    plotted: 'For the quadratic model, each feature’s marginal loss reduction per unit of capacity at its current Cᵢ.',
    formula: '−∂Lᵢ/∂Cᵢ = 2 (K − 1)² vᵢ² / (2 + (K − 3) Cᵢ)²',
    tex: '-\\frac{\\partial L_i}{\\partial C_i} = \\frac{2 (K-1)^2 v_i^2}{\\bigl(2 + (K-3)\\,C_i\\bigr)^2}',
    read: 'At the optimum every feature that gets capacity has the same marginal gain; ignored features gain less than that level even at Cᵢ = 0. For K < 3 the gain rises with Cᵢ (increasing returns: a feature gets all of a dimension or nothing, so features stay monosemantic); for K > 3 it falls (diminishing returns: capacity is spread, features turn polysemantic).',
    tryThis: 'Set K below and above 3 and watch the curves change slope.',
    paper: PAPER,
  },
  blocks: {
    plotted:
      'WᵀW with the features ordered by the blocks found from the singular values of W: features that draw on the same subspace form a block.',
    formula: 'W = U Σ Vᵀ;  feature i uses subspace s if Σ_(k∈s) (σₖ Vᵢₖ)² ≥ ε ‖Wᵢ‖²;  blocks = connected features',
    tex: 'W = U \\Sigma V^\\top,\\quad i \\in s \\iff \\textstyle\\sum_{k \\in s} (\\sigma_k V_{ik})^2 \\ge \\varepsilon \\lVert W_i\\rVert^2',
    read: 'Diagonal 1 × 1 blocks: monosemantic features. A larger block: features sharing its dimensions (its dims shows how many).',
    tryThis: 'Move ε (view_eps): a higher share splits weakly coupled blocks.',
    paper: PAPER,
  },
  sweep: {
    plotted:
      'The fraction of features that end up polysemantic, for a row of models trained together at 8 input kurtosis values (4 replicates each; mean ± s.d.).',
    formula: 'polysemantic fraction = #{i : 0.1 < Cᵢ ≤ 0.9} / n',
    tex: '\\frac{\\#\\{i : 0.1 < C_i \\le 0.9\\}}{n}',
    read: 'Near 0 below K = 3, rising steeply above it: heavy-tailed inputs make sharing dimensions cheap — the closed form’s switch from increasing to diminishing returns at K = 3.',
    tryThis: 'Run the sweep, or npm run lab -- capacity --preset kurtosis-sweep --mode sweep for the same numbers headless.',
    paper: PAPER,
  },
} satisfies Record<string, ViewAbout>;
