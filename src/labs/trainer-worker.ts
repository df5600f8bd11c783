/// <reference lib="webworker" />
/** Entry point of the training worker: the engine's trainer, loading each lab's code when it opens. */
import { serveTrainer } from '../engine/worker';
import { loadLab } from './manifests';

serveTrainer(loadLab);
