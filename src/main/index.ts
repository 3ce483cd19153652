/**
 * The Electron shell: app lifecycle, the window, the menu, paths. Everything else is the core, which
 * never imports electron and runs unchanged under the CLI, the browser host and tests.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session } from 'electron';
import ElectronStore from 'electron-store';
import { IPC_EVENT, IPC_INVOKE } from '../shared/contract/index';
import { createCore, type Core } from './core';
import { loadSampleOnFirstStart } from './sample/sample';
import { createDispatcher } from './ipc/handle';
import { handlers } from './ipc/handlers';
import { Settings, settingsDefaults, settingsSchema, type SettingsData } from './settings';
import { menuTemplate } from './shell/menu';
import { ElectronPrinter, saveDialog } from './shell/pdf';
import { electronSqliteBinding } from './shell/paths';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './shell/app-protocol';
import { isAllowedNavigation, isTrustedSenderUrl, windowPlacement } from './shell/window-options';

const here = path.dirname(fileURLToPath(import.meta.url));
const isDev = !app.isPackaged && Boolean(process.env['ELECTRON_RENDERER_URL']);
const rendererDir = path.join(here, '../renderer');
// The built renderer is served as app://breadth/, a real origin the checks below compare exactly.
const rendererUrl = isDev ? process.env['ELECTRON_RENDERER_URL']! : APP_INDEX_URL;

// Must happen before the app is ready.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

let core: Core | undefined;
let mainWindow: BrowserWindow | null = null;

function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault();
    });
    // Sub-frames too: will-navigate sees only the main frame.
    contents.on('will-frame-navigate', (details) => {
      if (!isAllowedNavigation(details.url, rendererUrl)) details.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function createWindow(settings: Settings): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const saved = settings.windowState();
  // The secure preferences are written out here, where the window is made, for readers and checkers alike.
  const win = new BrowserWindow({
    ...windowPlacement(saved, workAreas),
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Breadth',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15181d' : '#f7f8fa',
    autoHideMenuBar: false,
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click never opens a link in a new window (electronegativity's AUXCLICK check).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const bounds = win.getNormalBounds();
    settings.setWindowState({ ...bounds, maximized: win.isMaximized() });
  });
  void win.loadURL(rendererUrl);
  return win;
}

async function chooseCsvFiles(win: BrowserWindow): Promise<void> {
  const result = await dialog.showOpenDialog(win, {
    title: 'Import CSV price files',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Price files', extensions: ['csv', 'txt', 'tsv'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  const c = core;
  if (result.canceled || !c) return;
  // The renderer gets ids for the chosen files, never their paths.
  const files = result.filePaths.flatMap((p) => {
    try {
      return [c.importFiles.register(p)];
    } catch (err) {
      console.error(`cannot import ${p}:`, err);
      return [];
    }
  });
  c.events.emit('app:menuCommand', { command: 'import-csv', files });
}

async function start(): Promise<void> {
  const store = new ElectronStore<SettingsData>({
    name: 'settings',
    defaults: settingsDefaults,
    schema: settingsSchema as never,
    clearInvalidConfig: true,
  });
  const settings = new Settings(store);
  const binding = electronSqliteBinding(app.getAppPath(), process.resourcesPath);
  try {
    core = createCore({
      archivePath: path.join(app.getPath('userData'), 'archive.sqlite'),
      settings,
      host: 'electron',
      version: app.getVersion(),
      printer: new ElectronPrinter(isDev ? `${process.env['ELECTRON_RENDERER_URL']!.replace(/\/?$/, '/')}` : undefined),
      chooseTarget: saveDialog(() => mainWindow),
      ...(binding ? { nativeBinding: binding } : {}),
    });
  } catch (err) {
    dialog.showErrorBox('Breadth cannot open its archive', (err as Error).message);
    app.exit(1);
    return;
  }
  try {
    await loadSampleOnFirstStart(core, { enabled: !process.argv.includes('--no-sample') });
  } catch (err) {
    // loadSample leaves nothing half-loaded; the app opens on an empty archive.
    console.error(`the sample did not load: ${(err as Error).message}`);
  }
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
  const dispatch = createDispatcher(handlers, core, (sender) => isTrustedSenderUrl(sender.url, rendererUrl));
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown) =>
    dispatch(channel, input, { url: event.senderFrame?.url ?? '' }),
  );
  hardenSessions();
  mainWindow = createWindow(settings);
  core.events.attach((event, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_EVENT, { event, payload });
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        {
          importCsv: () => mainWindow && void chooseCsvFiles(mainWindow),
          exportPdf: () => core?.events.emit('app:menuCommand', { command: 'export-pdf' }),
          quit: () => app.quit(),
        },
        { isDev, isMac: process.platform === 'darwin' },
      ),
    ),
  );
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
  void app.whenReady().then(start);
}
