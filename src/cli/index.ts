#!/usr/bin/env node
/**
 * The `arrears` executable: the real process (streams, environment, clock) handed to `main`.
 * The only module of the library that touches `process`.
 */
import { main } from './main';

// `arrears decide … | head` closes the pipe early: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// No top-level await: tsup also emits a CommonJS build of this entry.
void main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
}).then((code) => {
  process.exitCode = code;
});
