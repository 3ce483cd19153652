import fs from 'node:fs';
import path from 'node:path';
import { checkArchiveFile, replaceDamagedArchive, writeBackup } from '../../backups/backup';
import { isDamagedArchive, restoreArchive } from '../../backups/service';
import { LATEST_SCHEMA_VERSION, openArchive } from '../../db/open';
import { UsageError, type Command } from '../command';

/** `backup`: a checked copy of the archive, taken with SQLite's online backup while it may be in use. */
export const backupCommand: Command = {
  name: 'backup',
  summary:
    'Back up the archive with SQLite\'s online backup (safe while Breadth has it open) and check the copy with integrity_check. ' +
    'Without --out the backup goes to the backups folder beside the archive. An existing --out is replaced only with --force.',
  usage: 'backup --db PATH [--out FILE] [--force]',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  run: async (ctx) => {
    const out = ctx.values.out;
    if (out === undefined) return ctx.call('backups:create', {});
    if (typeof out !== 'string' || !out) throw new UsageError('--out needs a file name');
    const target = path.resolve(out);
    if (fs.existsSync(target) && !ctx.values.force) throw new UsageError(`${target} exists; pass --force to replace it`);
    if (!fs.existsSync(path.dirname(target))) throw new UsageError(`${path.dirname(target)} does not exist`);
    const core = ctx.core();
    if (path.resolve(core.archivePath) === target) throw new UsageError('--out is the archive itself');
    await writeBackup(core.db, target, LATEST_SCHEMA_VERSION);
    const { schema } = checkArchiveFile(target, LATEST_SCHEMA_VERSION);
    return { path: target, bytes: fs.statSync(target).size, schema, integrity: 'ok' };
  },
};

/** `restore`: the archive replaced by a checked backup; the archive as it was is backed up first. */
export const restoreCommand: Command = {
  name: 'restore',
  summary:
    'Restore the archive from a backup file after checking it. The archive as it was is backed up first (backups folder, reason "restore"). ' +
    'A damaged archive that cannot be opened is kept beside it as ARCHIVE.damaged-STAMP, never deleted.',
  usage: 'restore --db PATH --from FILE',
  options: { from: { type: 'string' } },
  run: async (ctx) => {
    const from = ctx.values.from;
    if (typeof from !== 'string' || !from) throw new UsageError('restore needs --from FILE');
    const source = path.resolve(from);
    if (!fs.existsSync(source)) throw new UsageError(`${source} does not exist`);
    let core;
    try {
      core = ctx.core();
    } catch (err) {
      if (!isDamagedArchive(err)) throw err;
      // The archive cannot be opened at all: replace the file, keeping the damaged one beside it.
      const dbPath = String(ctx.values.db ?? '');
      const { keptAs } = replaceDamagedArchive(dbPath, source, LATEST_SCHEMA_VERSION);
      const { db, migration } = openArchive(dbPath);
      db.close();
      return { from: source, damagedKeptAs: keptAs, schema: { from: migration.from, to: migration.to } };
    }
    if (path.resolve(core.archivePath) === source) throw new UsageError('--from is the archive itself');
    return restoreArchive(core, source);
  },
};

/** `backups`: the archive's backups, newest first. */
export const backupsCommand: Command = {
  name: 'backups',
  summary: 'List the backups in the backups folder beside the archive, newest first.',
  usage: 'backups --db PATH',
  options: {},
  run: (ctx) => ctx.call('backups:list', {}),
};
