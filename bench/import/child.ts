/**
 * One measured import in its own process (so its peak memory is its own): `tsx bench/import/child.ts
 * breadth|sqlite3 CSV ARCHIVE`. Prints `{ ms, maxRssMb, bars }` as JSON.
 */
import { spawnSync } from 'node:child_process';
import { openArchive } from '../../src/main/db/open';
import { processFile } from '../../src/main/import/import-file';

const [tool, csv, archive] = process.argv.slice(2);
if (!tool || !csv || !archive) throw new Error('usage: child.ts breadth|sqlite3 CSV ARCHIVE');
const { db } = openArchive(archive);
let ms: number;
if (tool === 'breadth') {
  const t0 = performance.now();
  const r = processFile(db, { path: csv }, {}, 'import');
  ms = performance.now() - t0;
  if (r.status !== 'imported') throw new Error(`import failed: ${r.error}`);
} else {
  db.close();
  const t0 = performance.now();
  const res = spawnSync('sqlite3', [archive], { input: `.mode csv\n.import --skip 1 ${csv} bars\n`, encoding: 'utf8' });
  ms = performance.now() - t0;
  if (res.status !== 0 || res.stderr) throw new Error(`sqlite3 failed: ${res.stderr}`);
}
const check = db.open ? db : openArchive(archive).db;
const bars = (check.prepare('SELECT count(*) AS n FROM bars').get() as { n: number }).n;
check.close();
process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, bars }) + '\n');
