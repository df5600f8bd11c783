import { MAP_KINDS, MAP_LABELS } from '../../../analysis/alignment';
import { ACTIVATION_LABELS, type ActivationId } from '../activations';
import { HEADLINE_NULL_MAP, stitchingPenalties, type FitTables } from '../metrics';
import { STITCH_KINDS, STITCH_LABELS } from '../stitching-kinds';
import { GroupedBars } from './GroupedBars';
import { INTERTWINER_ABOUT } from './about';
import { nullRatioState } from './null-ratio-caption';

const STITCH_PENDING = 'Runs when training stops: pause, then press → (or wait for the throttled refit).';
/** The rotation null comes with every fit of the maps. */
const NULL_PENDING = 'Comes with the first fit of the maps.';

const seriesOf = (activations: readonly ActivationId[]) => activations.map((a) => ({ key: a, label: ACTIVATION_LABELS[a] }));
const maxOf = (rows: readonly (readonly number[])[]) => Math.max(...rows.flat().filter(Number.isFinite));

/** The lab's headline results: rotation-null ratio, Procrustes similarities, stitching penalties. */
export function ResultViews({
  tables,
  layer,
  activations,
  classifier,
}: {
  tables: FitTables | null;
  layer: number;
  activations: readonly ActivationId[];
  classifier: boolean;
}) {
  const lt = tables?.byLayer[layer - 1] ?? null;
  const h = MAP_KINDS.indexOf(HEADLINE_NULL_MAP);
  const ratios =
    tables && tables.byLayer.every((l) => l.rotationNull)
      ? tables.byLayer.map((l) => activations.map((_, a) => l.rotationNull!.ratio[a]![h]!))
      : null;
  const nullData = ratios
    ? { groups: ratios.map((_, l) => ({ key: String(l + 1), label: `layer ${l + 1}` })), series: seriesOf(activations), values: ratios }
    : null;
  const sim = lt
    ? {
        groups: seriesOf(activations),
        series: [
          { key: 'gProcrustes', label: 'G_ReLU-Procrustes' },
          { key: 'orthogonalProcrustes', label: 'orthogonal Procrustes' },
        ],
        values: activations.map((_, a) => [lt.gProcrustes[a]!, lt.orthogonalProcrustes[a]!]),
      }
    : null;
  const penalties =
    tables && lt?.stitch ? activations.map((_, a) => STITCH_KINDS.map((k) => stitchingPenalties(tables, lt, a)![k]!)) : null;
  const stitchData = penalties
    ? { groups: seriesOf(activations), series: STITCH_KINDS.map((k) => ({ key: k, label: STITCH_LABELS[k] })), values: penalties }
    : null;
  const simRatio = lt
    ? activations.map((a, i) => `${ACTIVATION_LABELS[a]} ${(lt.gProcrustes[i]! / lt.orthogonalProcrustes[i]!).toFixed(3)}`).join(', ')
    : '';
  const unit = classifier ? 'accuracy points' : 'R² points';
  return (
    <>
      <GroupedBars
        id="null-ratio"
        about={INTERTWINER_ABOUT['null-ratio']}
        title="Alignment against its rotation null, every hidden layer"
        yLabel="null residual / observed"
        data={nullData}
        domain={[0, Math.max(1.6, ratios ? maxOf(ratios) + 0.1 : 0)]}
        reference={{ value: 1, label: 'rotation null (no privileged basis)' }}
        placeholder={NULL_PENDING}
        caption={`Held-out residual of the best ${MAP_LABELS[HEADLINE_NULL_MAP]} map after rotating B's hidden space at random, over the residual without the rotation. Above the dashed line at 1: the layer has a privileged basis that the permutation-type map finds (ReLU); at 1: any rotation of it aligns as well (isotropic tanh). ${
          ratios
            ? nullRatioState(
                layer,
                activations.map((a, i) => ({ label: ACTIVATION_LABELS[a], ratio: ratios[layer - 1]?.[i] ?? NaN })),
              )
            : ''
        }`}
      />
      <GroupedBars
        id="procrustes"
        about={INTERTWINER_ABOUT.procrustes}
        title={`Procrustes similarities, layer ${layer}`}
        yLabel="similarity"
        data={sim}
        domain={[0, 1]}
        caption={
          lt
            ? `G_ReLU-Procrustes (Godfrey et al.) is restricted to permutations × positive scales, so it is at most the orthogonal one; their ratio is higher where the basis is privileged: ${simRatio}.`
            : undefined
        }
      />
      <GroupedBars
        id="stitching"
        about={INTERTWINER_ABOUT.stitching}
        title={`Stitching penalty (B alone − stitched), layer ${layer}`}
        yLabel={unit}
        data={stitchData}
        domain={[Math.min(0, penalties ? Math.min(...penalties.flat()) - 1 : 0), Math.max(5, penalties ? maxOf(penalties) + 1 : 0)]}
        format={(v) => `${v.toFixed(1)} pts`}
        placeholder={STITCH_PENDING}
        caption={
          tables && tables.stitchStep >= 0
            ? `Stitching layers trained on the task at step ${tables.stitchStep} (${(tables.stitchMs / 1000).toFixed(1)} s). Lower is better; for ReLU expect full < group (its intertwiner group) < low rank (rank 4).`
            : undefined
        }
      />
    </>
  );
}
