/** "About this view" for each spotlight view (Bird et al., the spotlight resonance method). */
import type { ViewAbout } from '../../../ui/ViewPanel';

const SRM_PAPER =
  'Bird & co-authors, spotlight resonance method (SRM) and PPPM; the settings follow the authors’ code (GeorgeBird1/Spotlight-Resonance-Method).';

export const SPOTLIGHT_ABOUT = {
  anisotropy: {
    plotted:
      'For each activation: how close its normalised latent codes lie to their nearest privileged direction, divided by the same number for 40 random rotations of the same codes (grey: the rotations’ 95% band). Beside it, the reconstruction error.',
    formula: 'S = (1/N) Σₙ maxᵢ |bᵢ · âₙ|,  âₙ = aₙ / ‖aₙ‖;  null: S of Rₜ aₙ for 40 Haar-random rotations Rₜ;  z = (S − mean) / s.d.',
    tex: 'S = \\frac1N \\sum_n \\max_i \\lvert b_i \\cdot \\hat a_n\\rvert,\\quad z = \\frac{S - \\operatorname{mean}_t S(R_t a)}{\\operatorname{sd}_t S(R_t a)}',
    read: 'On the grey band: the code has no preferred orientation. Right of it: codes sit on the privileged directions. Left of it: they avoid them — saturated tanh codes sit at the hypercube’s corners, 1/√k from every axis. Early in training the code is clustered and may sit on either side; read the trained code.',
    tryThis:
      'tanh-vs-isotropic: watch tanh’s dot move left of its band while isotropic tanh stays on it. Switch optimizer=momentum to see Adam’s own basis preference disappear.',
    paper: SRM_PAPER,
  },
  srm: {
    plotted:
      'The fraction of codes inside a cone of half-angle arccos ε around a direction that sweeps the plane of two privileged directions, averaged over planes (band: ± s.d. over planes).',
    formula: 'SRM(θ) = (1/N) Σₙ 𝟙[ â_n · (cos θ bᵢ + sin θ bⱼ) ≥ ε ],  averaged over planes (i, j)',
    tex: '\\mathrm{SRM}(\\theta) = \\frac1N \\sum_n \\mathbb 1\\bigl[\\hat a_n \\cdot (\\cos\\theta\\, b_i + \\sin\\theta\\, b_j) \\ge \\varepsilon\\bigr]',
    read: 'Peaks at 0°, 90°, 180°, 270° (the axes): codes align with the privileged directions. Peaks at 45° multiples: with their diagonals. A flat curve: no preferred direction at this ε.',
    tryThis: 'Move ε: high ε counts only codes close to the sweeping direction; tick “signed SRM” to let ±bᵢ cancel.',
    paper: SRM_PAPER,
  },
  pppm: {
    plotted:
      'Codes lying within ε of the chosen plane, projected into it with their magnitudes, as a density divided by the density of an isotropic code with the same norms.',
    formula: 'keep aₙ if ‖P aₙ‖ / ‖aₙ‖ ≥ ε (P: projection on span{bᵢ, bⱼ});  image = KDE(P aₙ) ÷ KDE(P gₙ), gₙ isotropic with ‖gₙ‖ = ‖aₙ‖',
    tex: '\\frac{\\lVert P a_n\\rVert}{\\lVert a_n\\rVert} \\ge \\varepsilon,\\quad \\text{image} = \\frac{\\mathrm{KDE}(P a_n)}{\\mathrm{KDE}(P g_n)}',
    read: 'Red spots on the axes: the code clusters on privileged directions; a uniform ring: isotropic. Few kept points means few codes near this plane — the caption says so.',
    tryThis: 'Pick another plane; tick “PPPM of â” for the unit-disk view.',
    paper: SRM_PAPER,
  },
  'pppm-ensemble': {
    plotted:
      'The same projection for every ordered pair of privileged directions (up to 48), stacked into one image, as in the authors’ figures.',
    formula: 'image = Σ_(i,j) KDE(P_ij aₙ) ÷ Σ_(i,j) KDE(P_ij gₙ)',
    tex: '\\text{image} = \\frac{\\sum_{i,j} \\mathrm{KDE}(P_{ij} a_n)}{\\sum_{i,j} \\mathrm{KDE}(P_{ij} g_n)}',
    read: 'Discrete clusters: a discretised code; a continuous ring: an isotropic one.',
    tryThis: 'thomson preset: compare tanh through 17, 32 and 64 Thomson directions with isotropic tanh.',
    paper: SRM_PAPER,
  },
  latent: {
    plotted: 'The normalised probe codes projected on the chosen plane, coloured by digit; red points lie in the cone.',
    formula: 'point = (bᵢ · âₙ, bⱼ · âₙ)',
    tex: '\\text{point} = (b_i \\cdot \\hat a_n,\\; b_j \\cdot \\hat a_n)',
    read: 'Codes on the unit circle lie in the plane; codes near the centre point away from it.',
    tryThis: 'Change the plane and ε and watch which digits fall in the cone.',
    paper: SRM_PAPER,
  },
} satisfies Record<string, ViewAbout>;
