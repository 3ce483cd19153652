import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint boundaries', () => {
  it('fails a core file that imports electron', async () => {
    const messages = await lint('src/main/archive/uses-electron.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(messages.some((m) => m.startsWith('no-restricted-imports') && /core .* plain Node/.test(m))).toBe(true);
  });

  it('fails a core file that requires an electron subpath', async () => {
    const messages = await lint('src/main/analytics/x.ts', "import { ipcMain } from 'electron/main';\nexport const y = ipcMain;\n");
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('allows the shell to import electron', async () => {
    const messages = await lint('src/main/shell/x.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(messages.filter((m) => m.startsWith('no-restricted-imports'))).toEqual([]);
  });

  it('keeps node built-ins out of src/shared', async () => {
    const messages = await lint('src/shared/x.ts', "import fs from 'node:fs';\nexport const x = fs;\n");
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });
});
