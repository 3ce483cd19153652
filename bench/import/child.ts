/**
 * One measured import in its own process (so its peak memory is its own): `tsx bench/import/child.ts
 * breadth|sqlite3 CSV ARCHIVE`. Prints `{ ms, cpuMs, maxRssMb, bars }` as JSON (cpuMs: user + system CPU of the import alone).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { openArchive } from '../../src/main/db/open';
import { processFile } from '../../src/main/import/import-file';

const [tool, csv, archive] = process.argv.slice(2);
if (!tool || !csv || !archive) throw new Error('usage: child.ts breadth|sqlite3 CSV ARCHIVE');
const { db } = openArchive(archive);
/** CPU milliseconds (user + system) of the waited-for children of this process, from /proc (Linux). */
function childrenCpuMs(): number {
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After the ") " the fields start at field 3 (state); cutime and cstime are fields 16 and 17.
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

let ms: number;
let cpuMs: number;
if (tool === 'breadth') {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = processFile(db, { path: csv }, {}, 'import');
  // Closing checkpoints the WAL into the archive file, as the sqlite3 tool does before it exits.
  db.close();
  ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpuMs = (c.user + c.system) / 1000;
  if (r.status !== 'imported') throw new Error(`import failed: ${r.error}`);
} else {
  db.close();
  const t0 = performance.now();
  const c0 = childrenCpuMs();
  const res = spawnSync('sqlite3', [archive], { input: `.mode csv\n.import --skip 1 ${csv} bars\n`, encoding: 'utf8' });
  ms = performance.now() - t0;
  cpuMs = childrenCpuMs() - c0;
  if (res.status !== 0 || res.stderr) throw new Error(`sqlite3 failed: ${res.stderr}`);
}
const check = db.open ? db : openArchive(archive).db;
const bars = (check.prepare('SELECT count(*) AS n FROM bars').get() as { n: number }).n;
check.close();
process.stdout.write(JSON.stringify({ ms, cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024, bars }) + '\n');
