// A stand-in for Electron's main-process API, just enough to start out/main/index.js on plain Node and
// record what the shell does: the window it creates, the IPC it registers, the menu, the session policy.
// When the window loads its page, the stub calls the registered IPC handler as a trusted and an
// untrusted frame would, prints one JSON report on stdout and exits.
import { EventEmitter } from 'node:events';

const report = { windows: [], handlers: [], menu: null, permission: null, navigation: [], invocations: {} };
const handlers = new Map();
const appEvents = new EventEmitter();
const contentsEvents = new EventEmitter();

function labels(items) {
  return items.map((i) => ({ label: i.label ?? i.role ?? i.type, submenu: Array.isArray(i.submenu) ? labels(i.submenu) : undefined }));
}

async function finish(url) {
  const handler = handlers.get('breadth:invoke');
  report.invocations.trusted = handler ? await handler({ senderFrame: { url } }, 'archive:info', {}) : null;
  report.invocations.untrusted = handler ? await handler({ senderFrame: { url: 'https://evil.example/' } }, 'archive:info', {}) : null;
  report.invocations.invalid = handler ? await handler({ senderFrame: { url } }, 'archive:bars', { ticker: '' }) : null;
  // What the shell does with navigation and window.open on any web contents.
  const nav = { prevented: false };
  contentsEvents.emit('will-navigate', { preventDefault: () => (nav.prevented = true) }, 'https://example.com/');
  report.navigation.push({ url: 'https://example.com/', prevented: nav.prevented });
  const self = { prevented: false };
  contentsEvents.emit('will-navigate', { preventDefault: () => (self.prevented = true) }, url);
  report.navigation.push({ url, prevented: self.prevented });
  report.windowOpen = windowOpenHandler ? windowOpenHandler({ url: 'https://example.com/' }) : null;
  await new Promise((r) => {
    permissionHandler?.(null, 'geolocation', (allowed) => {
      report.permission = allowed;
      r();
    });
  });
  process.stdout.write(JSON.stringify(report) + '\n');
  appEvents.emit('will-quit');
  process.exit(0);
}

let windowOpenHandler = null;
let permissionHandler = null;

const webContents = {
  send: () => {},
  setWindowOpenHandler: (h) => (windowOpenHandler = h),
  on: (event, listener) => contentsEvents.on(event, listener),
};

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    report.windows.push({ options });
    this.webContents = webContents;
    appEvents.emit('web-contents-created', {}, webContents);
  }
  static getAllWindows() {
    return [];
  }
  loadURL(url) {
    report.windows.at(-1).url = url;
    setTimeout(() => void finish(url), 20);
    return Promise.resolve();
  }
  once() {}
  maximize() {}
  isDestroyed() {
    return false;
  }
}

export const app = {
  isPackaged: false,
  getPath: (name) => (name === 'userData' ? process.env.BREADTH_STUB_USER_DATA : '/tmp'),
  getVersion: () => '0.0.0-stub',
  getAppPath: () => process.cwd(),
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  on: (event, listener) => appEvents.on(event, listener),
  quit: () => process.exit(0),
  exit: (code) => process.exit(code),
};

export const ipcMain = {
  handle: (channel, fn) => {
    handlers.set(channel, fn);
    report.handlers.push(channel);
  },
  on: () => {},
};

export const Menu = {
  buildFromTemplate: (template) => {
    report.menu = labels(template);
    return {};
  },
  setApplicationMenu: () => {},
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (h) => (permissionHandler = h),
    setPermissionCheckHandler: () => {},
  },
};

export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const nativeTheme = { shouldUseDarkColors: false };
export const dialog = {
  showErrorBox: (title, message) => {
    process.stderr.write(`${title}: ${message}\n`);
  },
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
};
export const shell = {};

// electron-store imports electron's default export, as the real module (CommonJS) provides it.
// eslint-disable-next-line no-restricted-syntax
export default { app, BrowserWindow, ipcMain, Menu, session, screen, nativeTheme, dialog, shell };
