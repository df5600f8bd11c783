import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { CHART_FONT, INK } from '../../../ui/charts/style';
import { snapshotStats } from '../metrics';
import { isTextData } from '../params';
import { formatSeconds, stepSeconds } from '../step-estimate';
import { BOWS_ABOUT } from './about';

const RECORD_NAME: Record<string, string> = { mail: 'mails', brown: 'paragraphs', own: 'paragraphs' };

const WIDTH = 340;
const HEIGHT = 150;

/** Precision and recall of x' > 0.5 on 512 fixed windows, the current λ and learning rate, corpus figures. */
export function Reconstruction({ snapshot, params }: Pick<LabViewProps, 'snapshot' | 'params'>) {
  const s = snapshotStats(snapshot);
  const lambda = Number(params.wd);
  if (!s) {
    return (
      <ViewPanel id="bows-recon" about={BOWS_ABOUT.recon} title="Reconstruction">
        <ChartPlaceholder width={WIDTH} height={HEIGHT} />
      </ViewPanel>
    );
  }
  const bars: Array<[string, number, string]> = [
    ['precision', s.precision, '#1f77b4'],
    ['recall', s.recall, '#ff7f0e'],
  ];
  return (
    <ViewPanel
      id="bows-recon"
      about={BOWS_ABOUT.recon}
      title="Reconstruction"
      caption={
        <>
          λ = <b data-testid="lambda">{lambda}</b> · lr now {s.lr.toExponential(2)} ·{' '}
          {isTextData(String(params.data ?? 'brown')) ? (
            <>
              corpus: {s.docs.toLocaleString()} documents, {s.records.toLocaleString()} {RECORD_NAME[String(params.data)] ?? 'records'},{' '}
              {s.tokens.toLocaleString()} tokens, {s.windows.toLocaleString()} windows of {String(params.window)}{' '}
              {params.unit === 'tokens' ? 'tokens' : (RECORD_NAME[String(params.data)] ?? 'records')}, vocabulary covers{' '}
              {(100 * s.coverage).toFixed(1)}% of tokens ({(100 * s.coverageNonStop).toFixed(1)}% of non-stop words). Estimated time per
              step in Node wasm:{' '}
              <span data-testid="step-estimate">
                {formatSeconds(stepSeconds(Number(params.vocab), Number(params.m), Number(params.batch)))}
              </span>
              .
            </>
          ) : (
            <>
              synthetic {String(params.data)} data: {s.windows.toLocaleString()} fixed samples (data seed 42),{' '}
              {(s.tokens / Math.max(1, s.windows)).toFixed(1)} active features per sample on average.
            </>
          )}
        </>
      }
    >
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="precision and recall">
        <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
        <text x={8} y={16} fontFamily={CHART_FONT} fontSize={11} fill={INK}>
          threshold x′ &gt; 0.5, 512 fixed samples
        </text>
        {bars.map(([name, v, color], k) => (
          <g key={name} transform={`translate(8, ${32 + k * 44})`} fontFamily={CHART_FONT} fontSize={12} fill={INK}>
            <text y={12}>{name}</text>
            <rect x={70} y={0} width={200} height={16} fill="#eeeeee" />
            <rect x={70} y={0} width={200 * Math.max(0, Math.min(1, v))} height={16} fill={color} />
            <text x={278} y={12} data-testid={name}>
              {Number.isFinite(v) ? v.toFixed(3) : '—'}
            </text>
          </g>
        ))}
      </svg>
    </ViewPanel>
  );
}
