/**
 * Import of the user's own activations (.npy / CSV) and an optional basis. Reading, validation and
 * analysis all run in the import worker: the page stays responsive for any file, and a bad file
 * changes nothing but the message.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import * as Comlink from 'comlink';
import { ViewPanel } from '../../../ui/ViewPanel';
import { fileTooLarge } from '../../../data/file-size';
import type { ImportResult, ImportWorkerApi } from './import-worker';
import type { ViewOptions } from './analysis';
import { PppmImages, SrmPolar } from './charts';

/** A 50,000 × 250 float64 .npy is 100 MB; CSV text of the same matrix is about twice that. */
export const MAX_IMPORT_FILE_BYTES = 256 * 1024 * 1024;

interface Loaded {
  name: string;
  rows: number;
  cols: number;
}

let remote: Comlink.Remote<ImportWorkerApi> | null = null;
function importWorker(): Comlink.Remote<ImportWorkerApi> {
  remote ??= Comlink.wrap<ImportWorkerApi>(
    new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'spotlight-import' }),
  );
  return remote;
}

function summary(acts: Loaded, basis: Loaded | null, result: ImportResult | null): string {
  const shape = `${acts.name}: ${acts.rows} × ${acts.cols}${basis ? `, basis ${basis.name} (${basis.rows} directions)` : ', standard basis'}`;
  if (!result) return `${shape}; analysing…`;
  const s = result.analysis.anisotropy;
  const rows = result.anisotropyRows < acts.rows ? ` on ${result.anisotropyRows} evenly spaced rows` : '';
  return `${shape}; mean max |bᵢ·â| ${s.value.toFixed(3)}, rotation null ${s.nullMean.toFixed(3)} [${s.nullLow.toFixed(3)}, ${s.nullHigh.toFixed(3)}], z ${s.z.toFixed(1)}${rows}`;
}

export function ImportPanel({ options }: { options: ViewOptions }) {
  const [acts, setActs] = useState<Loaded | null>(null);
  const [basis, setBasis] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const request = useRef(0);

  const load = (which: 'acts' | 'basis') => async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const tooLarge = fileTooLarge(file, MAX_IMPORT_FILE_BYTES);
    if (tooLarge) return setError(tooLarge);
    setBusy(`reading ${file.name}…`);
    const loaded = await importWorker().load(which, file);
    setBusy(null);
    if ('error' in loaded) return setError(loaded.error);
    setError(null);
    if (which === 'acts') setActs(loaded);
    else setBasis(loaded);
  };

  const clearBasis = async () => {
    await importWorker().clearBasis();
    setBasis(null);
  };

  const { epsilon, signed, plane, normalisedPppm } = options;
  useEffect(() => {
    if (!acts) return;
    const id = ++request.current;
    setResult(null);
    importWorker()
      .analyse({ epsilon, signed, plane, normalisedPppm })
      .then((r) => {
        if (id === request.current) setResult(r);
      })
      .catch((err: unknown) => {
        if (id === request.current) setError(err instanceof Error ? err.message : String(err));
      });
  }, [acts, basis, epsilon, signed, plane, normalisedPppm]);

  return (
    <ViewPanel
      id="import"
      title="Your activations"
      caption="A 2-D .npy (float32/float64, C order) or CSV: rows = samples, columns = units. Optional basis: K × units. Read and analysed off the page, up to 256 MB."
    >
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', marginBottom: 6 }}>
        <label>
          activations{' '}
          <input type="file" accept=".npy,.csv,.tsv,.txt" data-testid="import-activations" onChange={(e) => void load('acts')(e)} />
        </label>
        <label>
          basis <input type="file" accept=".npy,.csv,.tsv,.txt" data-testid="import-basis" onChange={(e) => void load('basis')(e)} />
        </label>
        {basis ? (
          <button type="button" className="small" onClick={() => void clearBasis()}>
            clear basis
          </button>
        ) : null}
      </div>
      {busy ? (
        <p className="hint" role="status" data-testid="import-busy">
          {busy}
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert" data-testid="import-error" style={{ color: '#b00020' }}>
          {error}
        </p>
      ) : null}
      {acts ? (
        <p className="hint" data-testid="import-summary">
          {summary(acts, basis, result)}
        </p>
      ) : null}
      {result ? (
        <div data-testid="import-result">
          <SrmPolar models={[result.analysis]} epsilon={epsilon} sweep={0} signed={signed} testId="import-srm" />
          <PppmImages models={[result.analysis]} testId="import-pppm" />
        </div>
      ) : null}
    </ViewPanel>
  );
}
