/** "About this view" for each bias view (Lampinen et al., representation biases). */
import type { ViewAbout } from '../../../ui/ViewPanel';

const PAPER =
  'Lampinen et al. (2024), Learned feature representations are biased by complexity, learning order, position, and more: features of equal role but different complexity, learned at equal accuracy, take unequal shares of the representation.';

export const BIAS_ABOUT = {
  bars: {
    plotted:
      'For each hidden layer, the share of its variance that each output feature explains, scored on a balanced probe set once every feature is ≥ 99% accurate.',
    formula: 'R²(feature) = 1 − ‖H − ŷ(feature)‖² / ‖H − H̄‖²,  ŷ: least-squares fit of the layer H on the feature’s label',
    tex: 'R^2(f) = 1 - \\frac{\\lVert H - \\hat y(f)\\rVert^2}{\\lVert H - \\bar H\\rVert^2}',
    read: 'Both features are computed perfectly, yet the simple bit takes far more of the layer than the XOR: the representation is biased toward the simpler feature.',
    tryThis: 'easy-vs-hard, then learned-first: trained first, the XOR keeps several times its joint share.',
    paper: PAPER,
  },
  curves: {
    plotted: 'Over training: each feature’s variance share in the chosen layer (R², first panel) and its probe accuracy (second panel).',
    formula: 'R² and accuracy on 1,024 fixed balanced probe inputs, every few steps',
    read: 'Watch when each feature is learned: the share a feature takes is largely set when it is learned, and the later, the less (seed 4 is the exception the README explains).',
    tryThis: 'learned-first: the XOR takes most of the variance while alone, then gives much of it back when the bit switches on.',
    paper: PAPER,
  },
  pca: {
    plotted: 'The probe inputs’ activations in the chosen layer on its top two principal components, coloured by one feature.',
    formula: 'H − H̄ = U S Vᵀ;  point = (U₁S₁, U₂S₂)',
    tex: 'H - \\bar H = U S V^\\top,\\quad \\text{point} = (U_1 S_1,\\; U_2 S_2)',
    read: 'Colour by the bit: two clean clusters along PC 1 — the bit dominates the geometry. Colour by the XOR: mixed colours — it is computed, but takes little variance.',
    tryThis: 'Switch the colour between the features and the layer between h1, h2 and h3.',
    paper: PAPER,
  },
} satisfies Record<string, ViewAbout>;
