import fs from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite';

/** The production Content-Security-Policy; index.html carries it, the dev server relaxes it for HMR. */
const DEV_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws://localhost:* http://localhost:*; object-src 'none'; base-uri 'none'; form-action 'none'";

function devCsp(): Plugin {
  return {
    name: 'breadth:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/, `$1${DEV_CSP}$2`),
  };
}

/**
 * Names the code the entry imports at once (boot.tsx: React and the views, with their chunks and
 * styles) in index.html, so the browser asks for it while it parses the page instead of after the
 * entry has arrived and run (Vite's own preload list, evaluated by the entry, names it later).
 */
function preloadBoot(): Plugin {
  return {
    name: 'breadth:preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        const entry = ctx.chunk;
        if (!bundle || !entry) return;
        const chunk = (file: string): Rollup.OutputChunk | undefined => {
          const c = bundle[file];
          return c?.type === 'chunk' ? c : undefined;
        };
        const boot = entry.dynamicImports.map(chunk).find((c) => c?.facadeModuleId?.endsWith('/src/boot.tsx'));
        if (!boot) return;
        // The entry's own static imports are in the page already.
        const named = new Set([entry.fileName, ...entry.imports]);
        const scripts: string[] = [];
        const styles = new Set<string>();
        const walk = (c: Rollup.OutputChunk): void => {
          if (named.has(c.fileName)) return;
          named.add(c.fileName);
          scripts.push(c.fileName);
          for (const css of c.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const file of c.imports) {
            const next = chunk(file);
            if (next) walk(next);
          }
        };
        walk(boot);
        return [
          ...scripts.map((file): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' })),
          ...[...styles].map((file): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${file}` }, injectTo: 'head' })),
        ];
      },
    },
  };
}

/** The renderer's path aliases (tsconfig.web.json `paths` says the same for the type checker). */
export const rendererAliases: Record<string, string> = {
  '@shared': resolve('src/shared'),
  '@renderer': resolve('src/renderer/src'),
};

const mainEntries: Record<string, string> = { index: resolve('src/main/index.ts') };
// The import and analytics workers run in their own threads; they are built beside index.js so the core
// finds them there (src/main/workers/spawn.ts).
for (const [name, source] of Object.entries({
  'import-worker': 'src/main/import/import-worker.ts',
  'analytics-worker': 'src/main/analytics/analytics-worker.ts',
  // `npm run cli` runs this bundle on plain Node (scripts/cli.mjs builds it when missing or stale).
  cli: 'src/main/cli/index.ts',
})) {
  if (fs.existsSync(source)) mainEntries[name] = resolve(source);
}

export default defineConfig({
  main: {
    build: {
      rolldownOptions: { input: mainEntries },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require node_modules: bundle everything it uses, as CommonJS.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    resolve: { alias: rendererAliases },
    build: {
      // Minified: the window opens on code Chromium parses and compiles before the first screen, and
      // unminified that alone took about a quarter of a second.
      minify: true,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html'), print: resolve('src/renderer/print.html') } },
    },
    plugins: [react(), devCsp(), preloadBoot()],
  },
});
