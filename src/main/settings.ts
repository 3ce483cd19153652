import { uiDefaults, uiSettingsJsonSchema, UI_SETTING_KEYS, type UiSettings } from '../shared/settings';

/** Where and how large the window was, to restore it on the next start. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Everything Breadth remembers between runs (outside the archive). */
export interface SettingsData extends UiSettings {
  window: WindowState | null;
}

/** The part of electron-store / conf that Breadth uses; both satisfy it, so tests drive `conf`. */
export interface KeyValueStore<T> {
  get<K extends keyof T>(key: K): T[K];
  set<K extends keyof T>(key: K, value: T[K]): void;
}

/** Defaults for a first start. */
export const settingsDefaults: SettingsData = { ...uiDefaults, window: null };

/** JSON schema handed to electron-store/conf, so a hand-edited file with bad values is refused. */
export const settingsSchema = {
  ...uiSettingsJsonSchema,
  window: {
    type: ['object', 'null'],
    properties: {
      x: { type: 'number' },
      y: { type: 'number' },
      width: { type: 'number', minimum: 200 },
      height: { type: 'number', minimum: 200 },
      maximized: { type: 'boolean' },
    },
    required: ['width', 'height', 'maximized'],
  },
} as const;

/** Typed access to the remembered settings. */
export class Settings {
  constructor(private readonly store: KeyValueStore<SettingsData>) {}

  /** The settings the renderer sees. */
  ui(): UiSettings {
    const out = { ...uiDefaults };
    for (const key of UI_SETTING_KEYS) {
      const v = this.store.get(key);
      if (v !== undefined) (out as Record<string, unknown>)[key] = v;
    }
    return out;
  }

  /** Merges a validated patch into the settings and returns the result. */
  updateUi(patch: Partial<UiSettings>): UiSettings {
    for (const key of UI_SETTING_KEYS) {
      if (patch[key] !== undefined) this.store.set(key, patch[key] as never);
    }
    return this.ui();
  }

  /** The last saved window placement, if any. */
  windowState(): WindowState | null {
    return this.store.get('window') ?? null;
  }

  /** Saves the window placement. */
  setWindowState(state: WindowState): void {
    this.store.set('window', state);
  }
}

/** An in-memory store, for hosts that should not persist settings (tests, throwaway runs). */
export class MemoryStore<T extends object> implements KeyValueStore<T> {
  private readonly data: T;
  constructor(defaults: T) {
    this.data = structuredClone(defaults);
  }
  get<K extends keyof T>(key: K): T[K] {
    return this.data[key];
  }
  set<K extends keyof T>(key: K, value: T[K]): void {
    this.data[key] = value;
  }
}
