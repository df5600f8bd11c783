/** "About this view" for each PCA view (Baldi & Hornik 1989). */
import type { ViewAbout } from '../../../ui/ViewPanel';

const PAPER =
  'Baldi & Hornik (1989), Neural networks and principal component analysis: learning from examples without local minima — every minimum of a linear autoencoder projects onto the top-k principal subspace.';

export const PCA_ABOUT = {
  alignment: {
    plotted:
      'How close the decoder’s span is to the data’s top-k principal subspace, over training, against the null k/d of a random subspace.',
    formula: 'alignment = ‖Q_Wᵀ U_k‖²_F / k = mean cos² θ_j over the principal angles θ_j between span(W₂) and span(u₀…u_{k−1})',
    tex: '\\frac{1}{k}\\lVert Q_W^\\top U_k \\rVert_F^2 = \\frac{1}{k}\\sum_{j=1}^{k} \\cos^2\\theta_j',
    read: '1: the decoder spans exactly the top-k principal subspace (the known optimum). k/d (dashed): what a random k-dim subspace scores on average; the untrained model starts near it.',
    tryThis:
      'Raise r towards 1: the eigenvalues bunch up, the gap λ_{k−1} − λ_k that drives the alignment shrinks, and it climbs more slowly.',
    paper: PAPER,
  },
  optimum: {
    plotted:
      'The expected reconstruction error under the data’s distribution (not one batch’s), over training, against its minimum over all rank-k maps.',
    formula: 'E‖x − W₂W₁x‖² = Σᵢ λᵢ ‖uᵢ − W₂W₁uᵢ‖²  ≥  Σ_{i≥k} λᵢ',
    tex: '\\mathbb{E}\\lVert x - W_2 W_1 x\\rVert^2 = \\sum_i \\lambda_i \\lVert u_i - W_2W_1u_i\\rVert^2 \\;\\ge\\; \\sum_{i \\ge k} \\lambda_i',
    read: 'The curve meets the dashed line when the map is the orthogonal projection onto the top-k subspace: the variance of the d − k discarded directions is all that is lost.',
    tryThis: 'Compare with the batch loss: it jitters around the same line, because each batch is a finite sample.',
    paper: PAPER,
  },
  captured: {
    plotted:
      'For each eigen-direction uᵢ of the data (largest variance first): its variance λᵢ (light) and the part of it the decoder’s span keeps (dark).',
    formula: 'captured variance of direction i = λᵢ ‖P_W uᵢ‖²,  P_W the projection onto span(W₂)',
    tex: '\\lambda_i \\lVert P_W u_i \\rVert^2,\\quad \\textstyle\\sum_i \\lVert P_W u_i\\rVert^2 = k',
    read: 'At the optimum the first k bars are full and the rest empty. Before training the k units of share are spread over all d directions.',
    tryThis: 'Set k = 1: the decoder finds the first principal component alone.',
    paper: PAPER,
  },
} satisfies Record<string, ViewAbout>;
