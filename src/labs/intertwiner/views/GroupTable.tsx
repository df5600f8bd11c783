import { useMemo } from 'react';
import { createRng } from '../../../engine/rng';
import { FAMILY_LABELS, GROUP_FAMILIES, intertwinerTable, type GroupTableRow } from '../../../analysis/intertwiner-groups';
import { ViewPanel } from '../../../ui/ViewPanel';
import { CHART_FONT, GRID, INK, TICK_FONT_SIZE } from '../../../ui/charts/style';
import { ACTIVATION_IDS, ACTIVATION_LABELS, ACTIVATION_SPECS, type ActivationId } from '../activations';
import { INTERTWINER_ABOUT } from './about';

const ROW = 36;
const NAME_W = 4;
const COL_W = 66;
const GROUP_W = 196;
const HEAD = 30;
const WIDTH = NAME_W + GROUP_W + COL_W * GROUP_FAMILIES.length + 8;

/** The checks are computed here (seeded, a few ms), never typed in. */
export function groupRows(): Array<{ act: ActivationId; row: GroupTableRow }> {
  return ACTIVATION_IDS.map((act, i) => ({ act, row: intertwinerTable(ACTIVATION_SPECS[act], createRng(1000 + i)) }));
}

export function GroupTable({ highlight }: { highlight: readonly ActivationId[] }) {
  const rows = useMemo(groupRows, []);
  const height = HEAD + rows.length * ROW + 8;
  return (
    <ViewPanel
      id="groups"
      about={INTERTWINER_ABOUT.groups}
      title="Intertwiner groups: does σ(A x) = A σ(x)?"
      caption="Each cell: max relative error of σ(Ax) − Aσ(x) over 8 random group elements A (n = 6) × 16 random x ~ N(0, 2²); ✓ when below 1e−9. The group is the largest family that passes."
    >
      <svg width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label="intertwiner group table">
        <rect width={WIDTH} height={height} fill="#ffffff" />
        <g fontFamily={CHART_FONT} fontSize={TICK_FONT_SIZE + 1} fill={INK}>
          <text x={4} y={HEAD - 10} fontWeight="bold">
            activation: group (computed)
          </text>
          {GROUP_FAMILIES.map((f, k) => (
            <text key={f} x={NAME_W + GROUP_W + k * COL_W + COL_W / 2} y={HEAD - 10} textAnchor="middle" fontSize={TICK_FONT_SIZE}>
              {FAMILY_LABELS[f]}
            </text>
          ))}
          {rows.map(({ act, row }, r) => {
            const y = HEAD + r * ROW;
            const on = highlight.includes(act);
            return (
              <g key={act} data-testid="group-row" data-act={act}>
                <rect x={0} y={y} width={WIDTH} height={ROW} fill={on ? '#f3f7ff' : '#ffffff'} stroke={GRID} />
                <text x={4} y={y + 14} fontWeight={on ? 'bold' : 'normal'}>
                  {ACTIVATION_LABELS[act]}
                </text>
                <text x={4} y={y + 28} fontSize={TICK_FONT_SIZE} fill="#555555" data-testid="group-name">
                  {row.group}
                </text>
                {row.checks.map((c, k) => (
                  <g key={c.family} data-testid="group-check" data-family={c.family} data-holds={String(c.holds)}>
                    <text
                      x={NAME_W + GROUP_W + k * COL_W + COL_W / 2}
                      y={y + 14}
                      textAnchor="middle"
                      fill={c.holds ? '#1a7f37' : '#b42318'}
                      fontWeight="bold"
                    >
                      {c.holds ? '✓' : '✗'}
                    </text>
                    <text
                      x={NAME_W + GROUP_W + k * COL_W + COL_W / 2}
                      y={y + 28}
                      textAnchor="middle"
                      fontSize={TICK_FONT_SIZE - 1}
                      fill="#666666"
                    >
                      {c.maxError.toExponential(1)}
                    </text>
                  </g>
                ))}
              </g>
            );
          })}
        </g>
      </svg>
    </ViewPanel>
  );
}
