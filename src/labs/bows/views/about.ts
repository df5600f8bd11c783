/** "About this view" for each bows view (Prieto et al., correlations and feature geometry). */
import type { ViewAbout } from '../../../ui/ViewPanel';

const PAPER =
  'Prieto et al., bag-of-words superposition (LucasPrietoAl/correlations-feature-geometry): correlated features interfere constructively, so weight decay arranges them by co-occurrence — rings for months and weekdays, clusters for topics.';

export const BOWS_ABOUT = {
  recon: {
    plotted: 'How well the tied autoencoder reconstructs which words a window contains.',
    formula: 'h = W x,  x′ = ReLU(Wᵀ h + b),  loss = ‖x′ − x‖² + λ ‖W‖² (AdamW)',
    tex: 'h = Wx,\\quad x^{\\prime} = \\mathrm{ReLU}(W^\\top h + b),\\quad L = \\lVert x^{\\prime} - x\\rVert^2 + \\lambda \\lVert W\\rVert^2',
    read: 'Precision and recall of the words present at x′ > ½; m ≪ V forces words to share dimensions (superposition).',
    tryThis: 'Compare λ = 4 (months) with λ = 0 (no-decay).',
    paper: PAPER,
  },
  gram: {
    plotted: 'WᵀW for the most frequent words, ordered by clustering their embeddings.',
    formula: '(WᵀW)ᵢⱼ = Wᵢ · Wⱼ',
    tex: '(W^\\top W)_{ij} = W_i \\cdot W_j',
    read: 'Bright blocks: words that co-occur share directions (constructive interference) instead of being kept orthogonal.',
    tryThis: 'Hover a cell to read the two words and their dot product.',
    paper: PAPER,
  },
  pmi: {
    plotted: 'For word pairs: their pointwise mutual information in the data against their interference Wᵢ · Wⱼ in the model.',
    formula: 'PMI(i, j) = log p(i, j) / (p(i) p(j)) over windows;  r = corr(PMI, Wᵢ · Wⱼ)',
    tex: '\\mathrm{PMI}(i,j) = \\log \\frac{p(i,j)}{p(i)\\,p(j)},\\quad r = \\operatorname{corr}(\\mathrm{PMI}_{ij},\\; W_i \\cdot W_j)',
    read: 'A positive slope: the model turns co-occurrence into geometry. Weight decay strengthens it.',
    tryThis: 'months (λ = 4) against no-decay (λ = 0): compare r. Point at a dot to read its two words.',
    paper: PAPER,
  },
  map: {
    plotted: 'Every word’s embedding Wᵢ in two dimensions (PCA, or UMAP on demand), coloured by frequency or cluster.',
    formula: 'PCA of the columns Wᵢ;  UMAP with cosine distance',
    read: 'Words of one topic land together; search a word to find it.',
    tryThis: 'Run UMAP, then search “church” or “people”.',
    paper: PAPER,
  },
  cycle: {
    plotted:
      'The listed words (months, weekdays, or your own ordered list) in the top two principal components of their L2-normalised embeddings, joined in list order.',
    formula:
      'rows Wᵢ / ‖Wᵢ‖ → PCA-2 → angles;  cycle order score: agreement of the angular order with the list order, 1 = a closed ring in order',
    read: 'A closed, ordered ring: the model learned the calendar from co-occurrence alone. Read it beside the data’s own score: the model cannot draw a ring the corpus does not carry.',
    tryThis:
      'ring preset (synthetic): a perfect ring in seconds; weekdays preset on Brown: the weekday ring closes; months need narrative text — bring your own.',
    paper: PAPER,
  },
  'cycle-data': {
    plotted:
      'The same ring read from the data alone: the listed words’ co-occurrence (PMI) profile in two principal components, and similarity against calendar distance for the model and the data.',
    formula: 'PMI rows → L2-normalise → PCA-2 → cycle order score;  similarity(d) = mean over pairs d steps apart',
    read: 'Falling similarity with calendar distance shows calendar structure even where a full ring does not close.',
    tryThis: 'Compare a corpus and window where the data scores 1 with one where it does not.',
    paper: PAPER,
  },
} satisfies Record<string, ViewAbout>;
