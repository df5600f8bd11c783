/// <reference lib="webworker" />
/** Entry point of the training worker: the engine's trainer, serving the labs of the registry. */
import { serveTrainer } from '../engine/worker';
import { findLab } from './registry';

serveTrainer(findLab);
