#!/usr/bin/env node
// `npm run cli -- <command> …`: runs the built command line (out/main/cli.js) on plain Node, building it
// first when it is missing or older than the sources, so a call answers without compiling TypeScript.
// Only the build's errors reach stderr; stdout stays the command's JSON.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfStale, root } from './build-if-stale.mjs';

const built = path.join(root, 'out', 'main', 'cli.js');
buildIfStale(built, ['src/main', 'src/shared'], 'Building the command line (once, after the sources change)…');
await import(pathToFileURL(built).href);
