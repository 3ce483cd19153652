/**
 * The installable builds' configuration, tested by packaging for real: electron-builder runs with the
 * package.json configuration against a stand-in Electron binary (the real one cannot be downloaded
 * here) that carries a fuse wire, so what is checked is what `npm run dist` ships: the file list inside
 * app.asar, what is unpacked from it, the Electron build of better-sqlite3 where the shell looks for
 * it, and the fuses flipped in the binary. The installers themselves (AppImage, deb, dmg, nsis) need
 * Electron's real binary and are configured, not built, here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { electronSqliteBinding } from '../../src/main/shell/paths';
import { expect, repoRoot, test } from './support/host';

/** A fuse's state on the wire is an ASCII digit (the package keeps its enum of them to itself). */
const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) } as const;

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  build: Record<string, unknown> & { linux: { target: string[] }; mac: { target: string[] }; win: { target: string[] } };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** A stand-in for Electron's binary: just the sentinel @electron/fuses looks for, then a wire of 9 fuses, all on. */
function fakeElectron(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const wire = Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 9]), Buffer.from('111111111')]);
  fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from('not really electron\n'), wire, Buffer.alloc(64)]), { mode: 0o755 });
}

test('npm run dist packages the built app: the file list, ASAR, the unpacked native module and the fuses', async () => {
  test.setTimeout(180_000);
  expect(pkg.scripts['dist']).toBe('npm run build && npm run rebuild:electron && electron-builder --publish never');
  expect(pkg.build.linux.target).toEqual(['AppImage', 'deb']);
  expect(pkg.build.mac.target).toEqual(['dmg']);
  expect(pkg.build.win.target).toEqual(['nsis']);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breadth-dist-'));
  // The Electron build of better-sqlite3 comes from `npm run rebuild:electron`; a stand-in when this machine has none.
  const native = path.join(repoRoot, 'resources/native/electron/better_sqlite3.node');
  const placeholder = !fs.existsSync(native);
  if (placeholder) {
    fs.mkdirSync(path.dirname(native), { recursive: true });
    fs.writeFileSync(native, 'stand-in for the Electron build of better-sqlite3');
  }
  try {
    fakeElectron(path.join(dir, 'electron-dist'));
    const out = path.join(dir, 'dist');
    const r = spawnSync(
      path.join(repoRoot, 'node_modules/.bin/electron-builder'),
      ['--linux', 'dir', '--publish', 'never', `-c.electronDist=${path.join(dir, 'electron-dist')}`, `-c.directories.output=${out}`],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const app = path.join(out, 'linux-unpacked');
    const resources = path.join(app, 'resources');
    const asar = path.join(resources, 'app.asar');
    const files = listPackage(asar, { isPack: false }).map((f) => f.replace(/\\/g, '/').replace(/^\//, ''));

    // What the app runs: main, both workers, the preload, the renderer and its print view, the sample.
    for (const f of [pkg.main.replace(/^\.\//, ''), 'out/main/analytics-worker.js', 'out/main/import-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/print.html', 'resources/sample/report.md', 'package.json']) {
      expect(files, f).toContain(f);
    }
    // Nothing of the sources, the tests, the benchmarks, source maps or the Node build of better-sqlite3.
    for (const f of files) {
      expect(f).not.toMatch(/^(src|tests|bench|scripts|artifacts|\.tmp)\//);
      expect(f).not.toMatch(/\.map$/);
      expect(f).not.toMatch(/node_modules\/better-sqlite3\/(build|deps|src)\//);
    }
    // Runtime dependencies only: every top-level module in the archive is a dependency or one of theirs, no devDependency.
    const modules = new Set(files.filter((f) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(f)).map((f) => f.slice('node_modules/'.length)));
    for (const dep of Object.keys(pkg.dependencies)) expect(modules, dep).toContain(dep);
    for (const dev of Object.keys(pkg.devDependencies)) expect(modules.has(dev), dev).toBe(false);
    const shipped = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string };
    expect(shipped.main).toBe(pkg.main);

    // better-sqlite3's JavaScript is unpacked from ASAR, and its Electron build sits where the shell looks.
    expect(fs.existsSync(path.join(resources, 'app.asar.unpacked/node_modules/better-sqlite3/lib/index.js'))).toBe(true);
    const binding = path.join(resources, 'native/electron/better_sqlite3.node');
    expect(fs.readFileSync(binding).equals(fs.readFileSync(native))).toBe(true);
    expect(electronSqliteBinding(path.join(resources, 'app.asar'), resources)).toBe(binding);

    // The fuses, flipped in the packaged binary.
    const fuses = await getCurrentFuseWire(path.join(app, 'breadth'));
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
  } finally {
    if (placeholder) fs.rmSync(native);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
