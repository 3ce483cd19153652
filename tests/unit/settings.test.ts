import { uiDefaults } from '../../src/shared/settings';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { Settings, settingsDefaults, settingsSchema, type SettingsData } from '../../src/main/settings';
import { tempDir } from '../helpers/archive';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function confAt(dir: string): Conf<SettingsData> {
  return new Conf<SettingsData>({ projectName: 'breadth-test', cwd: dir, defaults: settingsDefaults, schema: settingsSchema as never });
}

describe('settings through conf (electron-store’s base class)', () => {
  it('starts from the defaults and remembers theme, last view and window placement across instances', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const first = new Settings(confAt(t.dir));
    expect(first.ui()).toEqual(uiDefaults);
    expect(first.windowState()).toBeNull();
    first.updateUi({ theme: 'dark', lastView: 'chart' });
    first.setWindowState({ x: 10, y: 20, width: 1280, height: 800, maximized: true });

    const second = new Settings(confAt(t.dir));
    expect(second.ui()).toEqual({ ...uiDefaults, theme: 'dark', lastView: 'chart', lastTicker: null });
    expect(second.windowState()).toEqual({ x: 10, y: 20, width: 1280, height: 800, maximized: true });
  });

  it('refuses values outside the schema', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const store = confAt(t.dir);
    expect(() => store.set('theme', 'purple' as never)).toThrow();
    expect(() => store.set('window', { width: 10, height: 10, maximized: false })).toThrow();
  });
});
