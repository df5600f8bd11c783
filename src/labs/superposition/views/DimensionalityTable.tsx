import { fixed } from '../../../ui/charts/finite';
import type { FeatureStats } from './featureStats';

const cellStyle = { padding: '1px 8px', textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' };

/** Per-feature readout of ‖W_i‖ and D_i, below the dimensionality plot. */
export function DimensionalityTable({ stats }: { stats: FeatureStats }) {
  return (
    <table data-testid="d-readout" style={{ borderCollapse: 'collapse', fontSize: '0.85em', marginTop: 6 }}>
      <thead>
        <tr>
          <th style={cellStyle}>i</th>
          <th style={cellStyle}>‖W_i‖</th>
          <th style={cellStyle}>D_i</th>
        </tr>
      </thead>
      <tbody>
        {stats.dimensionality.map((d, i) => (
          <tr key={i}>
            <td style={cellStyle}>{i}</td>
            <td style={cellStyle}>{fixed(stats.norms[i] ?? NaN, 3)}</td>
            <td style={cellStyle} data-testid="d-value">
              {fixed(d, 3)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
