import fs from 'node:fs';
import path from 'node:path';

/**
 * Electron needs its own build of better-sqlite3 (Node's build is kept in node_modules for tests).
 * `npm run rebuild:electron` puts it at resources/native/electron/better_sqlite3.node; a packaged app
 * carries it in its resources folder. Returns undefined when none exists, so the default is tried.
 */
export function electronSqliteBinding(appRoot: string, resourcesPath: string | undefined): string | undefined {
  const candidates = [
    resourcesPath && path.join(resourcesPath, 'native', 'electron', 'better_sqlite3.node'),
    path.join(appRoot, 'resources', 'native', 'electron', 'better_sqlite3.node'),
  ].filter((p): p is string => Boolean(p));
  return candidates.find((p) => fs.existsSync(p));
}
