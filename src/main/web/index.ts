/**
 * `npm run web [-- --port N --db PATH --settings DIR --no-sample]`: Breadth in a browser, served on
 * 127.0.0.1 with a per-run token, answering the same IPC contract with the same handlers as the desktop
 * app. Like the app, it loads the sample into an empty archive on first start unless `--no-sample`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Conf from 'conf';
import { currentTickers } from '../archive/repository';
import { createCore } from '../core';
import { recoveryFor, recoveryText } from '../backups/recover';
import { loadSampleOnFirstStart } from '../sample/sample';
import { Settings, settingsDefaults, settingsSchema, type SettingsData } from '../settings';
import { APP_VERSION } from '../version';
import { startBrowserHost } from './server';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    db: { type: 'string' },
    settings: { type: 'string' },
    renderer: { type: 'string' },
    'no-sample': { type: 'boolean' },
  },
});

const dataDir = path.join(os.homedir(), '.breadth');
const dbPath = values.db ?? process.env['BREADTH_DB'] ?? path.join(dataDir, 'archive.sqlite');
const rendererDir = values.renderer ?? path.join(repoRoot, 'out', 'renderer');
if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  console.error(`error: no built renderer at ${rendererDir}; run \`npm run build\` first.`);
  process.exit(1);
}
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`error: --port must be a whole number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}

const store = new Conf<SettingsData>({
  projectName: 'breadth',
  configName: 'settings',
  cwd: values.settings ?? dataDir,
  defaults: settingsDefaults,
  schema: settingsSchema as never,
  clearInvalidConfig: true,
});

let core;
try {
  core = createCore({ archivePath: dbPath, settings: new Settings(store), host: 'browser', version: APP_VERSION, rendererDir });
} catch (err) {
  const recovery = recoveryFor(dbPath, err);
  if (!recovery?.backup) {
    console.error(`error: ${(err as Error).message}`);
    process.exit(1);
  }
  const text = recoveryText(recovery);
  console.error(`error: ${text.message}\nTo restore it: npm run cli -- restore --db ${JSON.stringify(dbPath)} --from ${JSON.stringify(recovery.backup.path)}`);
  process.exit(1);
}
try {
  if (await loadSampleOnFirstStart(core, { enabled: !values['no-sample'] })) console.error('Loaded the sample into the new archive.');
} catch (err) {
  // The archive stays as it was (loadSample undoes a partial load); the app still opens.
  console.error(`warning: the sample did not load: ${(err as Error).message}`);
}
// The first screen's longest read (about 140 ms of the first call with 10,000 tickers), done before the
// URL is announced: read while the page loads, it held back the page's own files on this one thread.
try {
  currentTickers(core.db);
} catch {
  // Unreadable: the window's own call says so.
}
const host = await startBrowserHost({ core, rendererDir, port, log: (m) => console.error(m) });
console.log(`Breadth is serving ${dbPath}`);
console.log(`Open ${host.url}`);

const stop = (): void => {
  // The PDF printer's browser goes first: exiting would orphan it.
  void host
    .close()
    .then(() => core.pdf.printer.close())
    .then(() => {
      core.close();
      process.exit(0);
    });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
