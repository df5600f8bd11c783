/** "About this view" for each superposition view (Elhage et al., Toy Models of Superposition). */
import type { ViewAbout } from '../../../ui/ViewPanel';

const PAPER =
  'Elhage et al. (2022), Toy Models of Superposition: the ReLU output model, feature dimensionality and the n = 2, m = 1 phase diagram.';

export const SUPERPOSITION_ABOUT = {
  arrows: {
    plotted:
      'Each feature’s column Wᵢ of the m × n embedding, drawn as an arrow in the hidden space (for m > 2, a projection you can rotate by dragging).',
    formula: 'h = W x,  x′ = ReLU(Wᵀ h + b),  loss = Σᵢ Iᵢ (xᵢ − x′ᵢ)²',
    tex: 'h = Wx,\\quad x^{\\prime} = \\mathrm{ReLU}(W^\\top h + b),\\quad L = \\sum_i I_i (x_i - x^{\\prime}_i)^2',
    read: 'Arrows of length ≈ 1 are represented; arrows near 0 are ignored. Five arrows at 72° (a pentagon) in m = 2: five features share two dimensions — superposition. Antipodal pairs are digons.',
    tryThis:
      'pentagon, then lower the sparsity S toward 0 (dense preset): the model keeps only the two most important features, orthogonally.',
    paper: PAPER,
  },
  gram: {
    plotted: 'The Gram matrix WᵀW: entry (i, j) is the dot product of feature i’s and feature j’s embeddings.',
    formula: '(WᵀW)ᵢⱼ = Wᵢ · Wⱼ',
    tex: '(W^\\top W)_{ij} = W_i \\cdot W_j',
    read: 'A diagonal of ones with zeros elsewhere: features kept orthogonal. Off-diagonal weight: features interfere; the ReLU and the bias b filter that interference out when inputs are sparse.',
    tryThis:
      'Compare pentagon (neighbours at 72°: cos 72° ≈ 0.31 × ‖W‖²; the others at 144°: ≈ −0.81 × ‖W‖²) with dense (a 2 × 2 identity block, the rest zero).',
    paper: PAPER,
  },
  dimensionality: {
    plotted: 'Each feature’s dimensionality Dᵢ against the model’s dimensions per feature, m / ‖W‖²_F.',
    formula: 'Dᵢ = ‖Wᵢ‖⁴ / Σⱼ (Wᵢ · Ŵⱼ)²',
    tex: 'D_i = \\frac{\\lVert W_i\\rVert^4}{\\sum_j (W_i \\cdot \\hat W_j)^2}',
    read: 'Dᵢ = 1: a dedicated dimension; 1/2: a digon; 2/5: a pentagon; 0: ignored. Features stick at the fractions the paper found (the labelled reference lines).',
    tryThis: 'decay preset (n = 20, m = 5, importance decaying): features settle at several of the sticky fractions at once.',
    paper: PAPER,
  },
  phase: {
    plotted:
      'A 12 × 12 grid of n = 2, m = 1 models trained together, over the density 1 − S and the relative importance of feature 1; each cell is classified by what happens to feature 1.',
    formula:
      'cell = ignored (|W₁| < 0.5) · represented alone (|W₁| ≥ 0.5, |W₀| < 0.5) · superposed (both ≥ 0.5, sharing the one dimension)',
    read: 'Dense inputs: only the more important feature gets the dimension. Sparse inputs: both share it, with opposite signs (a digon), once feature 1 matters enough.',
    tryThis: 'Run the sweep and compare the boundary with the paper’s figure.',
    paper: PAPER,
  },
} satisfies Record<string, ViewAbout>;
