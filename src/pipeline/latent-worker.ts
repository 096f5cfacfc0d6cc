/**
 * Worker-thread entry of the latent model's E-step (see `latent-pool.ts`): holds a share of
 * the panel's chunks, and for every set of parameters it is sent runs the E-step on them,
 * writing their posterior and per-chunk statistics into the shared arrays, then says done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { eStepChunks } from '../core/latent/e-step.js';
import { kalmanModel, kalmanWork, type LatentParams, type Posterior } from '../core/latent/kalman.js';
import type { LatentPanel } from '../core/latent/panel.js';

/** What the main thread gives a worker once. */
export interface LatentWorkerData {
  readonly panel: LatentPanel;
  readonly out: Posterior;
  readonly chunkStats: Float64Array;
  /** The chunks of this worker: c0 … c1 − 1. */
  readonly c0: number;
  readonly c1: number;
}

if (parentPort) {
  const { panel, out, chunkStats, c0, c1 } = workerData as LatentWorkerData;
  const port = parentPort;
  const work = kalmanWork(panel.maxRun);
  port.on('message', (params: LatentParams) => {
    eStepChunks(panel, kalmanModel(params), c0, c1, work, out, chunkStats);
    port.postMessage('done');
  });
}
