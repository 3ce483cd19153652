/**
 * `npm run bench -- <name>`: runs the exported `run()` of `bench/<name>.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const name = process.argv[2];
const available = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3));

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}>`);
  process.exitCode = 2;
} else {
  const mod = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as { run?: () => unknown };
  if (typeof mod.run !== 'function') throw new Error(`bench/${name}.ts exports no run()`);
  await mod.run();
}
