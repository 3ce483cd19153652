/**
 * Builds the renderer as development React runs it (StrictMode then calls every state updater twice),
 * from the same renderer config as `electron-vite build`, into the folder given as the first argument.
 * Run with NODE_ENV=development (electron-vite itself always builds for production).
 */
import { build } from 'vite';
import config from '../../../electron.vite.config';

const outDir = process.argv[2];
if (!outDir || process.env['NODE_ENV'] !== 'development') {
  throw new Error('usage: NODE_ENV=development tsx build-dev-renderer.ts OUT_DIR');
}
const renderer = (config as { renderer: Record<string, unknown> & { build?: object } }).renderer;
await build({
  ...renderer,
  configFile: false,
  logLevel: 'warn',
  build: { ...renderer.build, outDir, emptyOutDir: true },
});
