import { useLab } from '../state/store';
import { openSnapshotFile } from '../state/controller';
import type { MetricValue } from '../engine/lab';
import { download, toCsv } from './export';
import { FilePicker } from './FilePicker';

/** Loss as CSV, metrics as CSV, snapshot and params as JSON. */
export function DataExports() {
  const labId = useLab((s) => s.labId);
  const exportLoss = () => {
    const rows = useLab.getState().lossHistory;
    download(`${labId}-loss.csv`, new Blob([toCsv(['step', 'loss'], rows)], { type: 'text/csv' }));
  };
  const exportMetrics = () => {
    const rows: Array<[string, number, number | string]> = [];
    const walk = (name: string, value: MetricValue) => {
      if (typeof value === 'number' || typeof value === 'string') rows.push([name, 0, value]);
      else if (Array.isArray(value)) value.flat().forEach((v, i) => rows.push([name, i, v]));
      else for (const [k, v] of Object.entries(value)) walk(`${name}.${k}`, v);
    };
    for (const [name, value] of Object.entries(useLab.getState().metrics ?? {})) walk(name, value);
    download(`${labId}-metrics.csv`, new Blob([toCsv(['metric', 'index', 'value'], rows)], { type: 'text/csv' }));
  };
  const exportSnapshot = () => {
    const s = useLab.getState();
    // One `tensors` record in the file (its format since the first release): the weights a restore
    // needs, then the read-outs computed from them.
    const all = { ...(s.snapshot?.analysis ?? {}), ...(s.snapshot?.weights ?? {}) };
    const tensors = Object.fromEntries(
      Object.entries(all).flatMap(([k, t]) => (t ? [[k, { shape: t.shape, data: Array.from(t.data) }]] : [])),
    );
    const body = {
      lab: s.labId,
      params: s.params,
      backend: s.backendInUse,
      step: s.snapshot?.step ?? 0,
      loss: s.snapshot?.loss ?? null,
      tensors,
      metrics: s.metrics,
    };
    download(`${labId}-snapshot.json`, new Blob([JSON.stringify(body)], { type: 'application/json' }));
  };
  return (
    <div className="exports">
      <span className="hint">Export</span>
      <button type="button" className="small" data-testid="export-loss" onClick={exportLoss}>
        loss CSV
      </button>
      <button type="button" className="small" data-testid="export-metrics" onClick={exportMetrics}>
        metrics CSV
      </button>
      <button type="button" className="small" data-testid="export-snapshot" onClick={exportSnapshot}>
        snapshot JSON
      </button>
      <FilePicker
        className="small file-button"
        title="Reopen a snapshot JSON exported from this page"
        label="open snapshot…"
        accept=".json,application/json"
        testId="import-snapshot"
        onFile={(file) => void openSnapshotFile(file)}
      />
    </div>
  );
}
