// Loads a TypeScript worker through tsx: Node 20 does not hand the parent's `--import tsx` loader
// on to worker threads. With the built package, start your .js worker directly instead.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
