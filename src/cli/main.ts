#!/usr/bin/env node
import { run } from './program.js';

// The exit code is set, not forced, so buffered output reaches a pipe in full.
run(process.argv).then((code) => {
  process.exitCode = code;
});
