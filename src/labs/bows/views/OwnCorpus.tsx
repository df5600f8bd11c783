/**
 * Bring your own corpus: .txt files (or .zip archives of them) chosen or dropped here are checked by size first (nothing is
 * read when they are too large or empty), then read, tokenised and windowed in the training worker
 * (with the progress bar), each file a document and each paragraph a record.
 */
import { useState, type DragEvent } from 'react';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { corpusSizeProblem, MAX_CORPUS_BYTES, MAX_CORPUS_FILES } from '../own-corpus';
import { snapshotStats } from '../metrics';

const isText = (f: File) => /\.(txt|zip)$/i.test(f.name) || f.type === 'text/plain';

export function OwnCorpus({
  params,
  snapshot,
  trainOnFiles,
  trainingFiles,
}: Pick<LabViewProps, 'params' | 'snapshot' | 'trainOnFiles' | 'trainingFiles'>) {
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null | undefined) => {
    const files = Array.from(list ?? []);
    if (files.length === 0) return;
    const other = files.find((f) => !isText(f));
    const problem = other ? `${JSON.stringify(other.name.slice(0, 60))} is not a .txt or .zip file` : corpusSizeProblem(files);
    if (problem) {
      setError(`${problem}. Nothing was changed.`);
      return;
    }
    setError(null);
    trainOnFiles(files, { data: 'own' });
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files);
  };
  const s = snapshotStats(snapshot);
  const own = params.data === 'own';
  return (
    <ViewPanel
      id="bows-own"
      title="Your text"
      caption={`Plain .txt files (up to ${MAX_CORPUS_FILES}, ${MAX_CORPUS_BYTES / 1024 / 1024} MB in all): each file a document, paragraphs (blank-line separated, or one per line) as records; windows of W records as set above. A .zip is opened (its .txt files; declared sizes checked before inflating). Narrative text such as Wikipedia is what the 12-month ring needs.`}
    >
      <div
        data-testid="bows-own-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        style={{ border: `2px dashed ${over ? '#1f77b4' : '#bbbbbb'}`, padding: 12, borderRadius: 6, width: 316 }}
      >
        <label>
          choose or drop .txt (or .zip) files{' '}
          <input
            type="file"
            multiple
            accept=".txt,.zip,text/plain"
            data-testid="bows-own-files"
            onChange={(e) => {
              take(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {error ? (
        <p className="error" role="alert" data-testid="bows-own-error" style={{ color: '#b00020' }}>
          {error}
        </p>
      ) : null}
      {trainingFiles.length > 0 ? (
        <p className="hint" data-testid="bows-own-summary">
          {trainingFiles.length === 1 ? trainingFiles[0] : `${trainingFiles.length} files`}
          {own && s
            ? `: ${s.records.toLocaleString()} paragraphs, ${s.tokens.toLocaleString()} tokens, ${s.windows.toLocaleString()} windows`
            : own
              ? ''
              : ' (choose data = own to train on them)'}
        </p>
      ) : null}
    </ViewPanel>
  );
}
