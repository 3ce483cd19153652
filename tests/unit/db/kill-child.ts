/**
 * The process the kill runs kill: it opens an archive through the core and repeats one kind of write
 * (an import, a note save, a report edit) or migrates the archive, printing `ready` once it holds the
 * archive and `done N` after each committed operation. Bundled by the test with esbuild and run on
 * plain Node, so a run costs a process start and not a TypeScript compile.
 */
import { createCore } from '../../../src/main/core';
import { openArchive } from '../../../src/main/db/open';
import { createDispatcher } from '../../../src/main/ipc/handle';
import { handlers } from '../../../src/main/ipc/handlers';
import { processFile } from '../../../src/main/import/import-file';
import { MemoryStore, Settings, settingsDefaults } from '../../../src/main/settings';
import { noteBody, reportDraft } from './kill-shapes';

const [kind, dbPath, arg] = process.argv.slice(2) as [string, string, string | undefined];
const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  if (kind === 'migrate') {
    say('ready');
    const { db } = openArchive(dbPath);
    db.close();
    say('done 1');
    return;
  }
  const core = createCore({ archivePath: dbPath, settings: new Settings(new MemoryStore(settingsDefaults)), host: 'cli', version: 'kill', sampleDir: null });
  const dispatch = createDispatcher(handlers, core, () => true);
  const call = async (channel: string, input: unknown): Promise<unknown> => {
    const r = await dispatch(channel, input, { url: 'kill:' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data;
  };
  say('ready');
  if (kind === 'import') {
    const r = processFile(core.db, { path: arg! }, {}, 'import');
    if (r.status !== 'imported') throw new Error(`import ${r.status}`);
    say('done 1');
    return;
  }
  const id = Number(arg);
  for (let i = 1; ; i++) {
    if (kind === 'note') {
      const note = (await call('notes:list', { reportId: id })) as Array<{ id: number; body: string }>;
      const n = Number(note[0]!.body.split(':')[0]);
      await call('notes:update', { id: note[0]!.id, body: noteBody(n + 1) });
    } else if (kind === 'report') {
      const report = (await call('reports:get', { id })) as { title: string };
      const n = Number(report.title.replace('Run ', ''));
      await call('reports:update', { id, draft: reportDraft(n + 1) });
    } else {
      throw new Error(`unknown kind ${kind}`);
    }
    say(`done ${i}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
