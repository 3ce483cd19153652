import { defineConfig } from 'vitest/config';
import { rendererAliases } from './electron.vite.config';

export default defineConfig({
  // Renderer modules under test (tests/unit/renderer) import through the renderer's aliases.
  resolve: { alias: rendererAliases },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
