/** "About this view" for each intertwiner view (Godfrey et al., symmetries of deep learning models). */
import type { ViewAbout } from '../../../ui/ViewPanel';

const PAPER =
  'Godfrey et al. (2022), On the Symmetries of Deep Learning Models and their Internal Representations: intertwiner groups, G_ReLU-Procrustes and group-restricted stitching (pnnl/modelsym).';

export const INTERTWINER_ABOUT = {
  'null-ratio': {
    plotted:
      'For every hidden layer and activation: how much worse the best permutation × positive-scaling map from network A to network B fits after B’s hidden space is rotated at random, relative to B as it is (mean over seeded rotations).',
    formula: 'ratio = r(A → B·R) / r(A → B),  r = held-out residual of the best map in the family,  R Haar-random',
    tex: '\\text{ratio} = \\frac{r(A \\to B R)}{r(A \\to B)},\\quad R \\sim \\text{Haar}',
    read: 'Above 1 (the line): B’s own basis is special — ReLU networks share neurons up to permutation and positive scaling, their intertwiner group. On 1: any rotation fits as well — the isotropic activation’s group is all of O(n).',
    tryThis:
      'relu-vs-isotropic: ReLU ≈ 1.2 at layer 1, isotropic tanh ≈ 1. Switch to layer 2 to see Adam privilege a basis even for isotropic tanh.',
    paper: PAPER,
  },
  procrustes: {
    plotted:
      'Representation similarity of A and B at the chosen layer, allowing only the activation’s group (G_ReLU: a matching plus positive scaling, after per-neuron normalisation) or any rotation (orthogonal Procrustes).',
    formula: 'sim_G = max_(g∈G) ⟨Â, B̂ g⟩ / (‖Â‖ ‖B̂‖)',
    tex: '\\mathrm{sim}_G = \\max_{g \\in G} \\frac{\\langle \\hat A, \\hat B g\\rangle}{\\lVert \\hat A\\rVert\\,\\lVert \\hat B\\rVert}',
    read: 'For ReLU the group-restricted similarity comes closer to the orthogonal one than for isotropic tanh: ReLU’s symmetry is the smaller group.',
    tryThis: 'Compare the gap between the two bars for each activation.',
    paper: PAPER,
  },
  stitching: {
    plotted:
      'Accuracy points lost when network A up to the chosen layer is joined to the rest of network B by a trained stitching layer: unconstrained, restricted to the activation’s group, a bare permutation, or rank 4.',
    formula: 'penalty = acc(B) − acc(B_(>ℓ) ∘ S ∘ A_(≤ℓ)),  S trained on the task loss',
    tex: '\\text{penalty} = \\mathrm{acc}(B) - \\mathrm{acc}(B_{>\\ell} \\circ S \\circ A_{\\le \\ell})',
    read: 'Full ≈ 0: the layers carry the same information. For ReLU, full < group < low rank, as in the paper.',
    tryThis: 'Pause: the stitching layers train when the run stops, then the bars fill in.',
    paper: PAPER,
  },
  residual: {
    plotted: 'How well each map family, fitted on probe digits, predicts B’s layer from A’s on held-out digits.',
    formula: 'r = ‖Ĥ_B − H_B‖² / ‖H_B − mean(H_B)‖²',
    tex: 'r = \\frac{\\lVert \\hat H_B - H_B\\rVert^2}{\\lVert H_B - \\bar H_B\\rVert^2}',
    read: 'Lower is better. A low permutation-type residual alone does not show a privileged basis; read it against the rotation null.',
    tryThis: 'Watch the identity map fail (r > 1) while a general linear map fits (r ≈ 0).',
    paper: PAPER,
  },
  stitched: {
    plotted:
      'Held-out accuracy of A up to the chosen layer, mapped by each fitted (least-squares) map, then the rest of B; dashed: B alone.',
    formula: 'acc(B_(>ℓ) ∘ M ∘ A_(≤ℓ)),  M fitted by least squares on probe digits',
    tex: '\\mathrm{acc}(B_{>\\ell} \\circ M \\circ A_{\\le \\ell})',
    read: 'A map that reaches the dashed line carries all B needs.',
    tryThis: 'Compare the permutation-type maps between ReLU and isotropic tanh.',
    paper: PAPER,
  },
  heatmap: {
    plotted:
      'Correlations between A’s and B’s neurons at the chosen layer, in their own order and after matching them (Hungarian algorithm, munkres, on the correlations).',
    formula: 'Cᵢⱼ = corr(h_A,i, h_B,j) over probe digits;  matching π: max Σᵢ C_i,π(i)',
    tex: 'C_{ij} = \\operatorname{corr}(h^A_i, h^B_j),\\quad \\pi = \\arg\\max_\\pi \\textstyle\\sum_i C_{i\\pi(i)}',
    read: 'A bright diagonal after matching: the networks learned the same neurons up to order.',
    tryThis: 'Switch the activation: isotropic tanh matches far worse neuron by neuron.',
    paper: PAPER,
  },
  groups: {
    plotted:
      'For each activation and each family of invertible matrices A (permutations, permutations × positive scalings, signed permutations, orthogonal, general linear): whether the activation commutes with every A, checked numerically.',
    formula: 'σ(A x) = A σ(x) for all x  ⇔  A is in σ’s intertwiner group',
    tex: '\\sigma(Ax) = A\\,\\sigma(x)\\ \\ \\forall x \\iff A \\in G_\\sigma',
    read: 'ReLU passes permutations and positive scalings, not rotations; isotropic tanh passes every rotation. The group is what a trained network’s neurons are defined up to.',
    tryThis: 'Compare the rows: which activations have a privileged basis?',
    paper: PAPER,
  },
} satisfies Record<string, ViewAbout>;
