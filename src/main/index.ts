/**
 * The Electron shell: app lifecycle, the window, the menu, paths. Everything else is the core, which
 * never imports electron and runs unchanged under the CLI, the browser host and tests.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { IPC_EVENT, IPC_INVOKE } from '../shared/contract/index';
import { createCore, type Core, type CoreOptions } from './core';
import { readTickersAhead } from './archive/repository';
import { writeBackup } from './backups/backup';
import { acceptRecovery, recoveryFor, recoveryText } from './backups/recover';
import { backupOnQuit, restoreArchive } from './backups/service';
import { LATEST_SCHEMA_VERSION } from './db/open';
import { loadSampleOnFirstStart } from './sample/sample';
import { createDispatcher } from './ipc/handle';
import { handlers } from './ipc/handlers';
import { Settings, settingsDefaults, settingsSchema, type SettingsData } from './settings';
import { menuTemplate } from './shell/menu';
import { ElectronPrinter, saveDialog } from './shell/pdf';
import { electronSqliteBinding } from './shell/paths';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './shell/app-protocol';
import { isAllowedNavigation, isTrustedSenderUrl, shouldOpenExternally, USER_ACTIVATION_INPUTS, windowPlacement } from './shell/window-options';

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
    // No window ever opens. A report's https reference the user just clicked opens in their browser.
    let lastUserInputAt: number | undefined;
    contents.on('input-event', (_event, input) => {
      if (USER_ACTIVATION_INPUTS.has(input.type)) lastUserInputAt = Date.now();
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (shouldOpenExternally(url, lastUserInputAt, Date.now())) void shell.openExternal(url);
      return { action: 'deny' };
    });
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

/** File › Back up archive…: a checked copy wherever the analyst chooses. */
async function backUpTo(win: BrowserWindow): Promise<void> {
  const c = core;
  if (!c) return;
  const day = new Date().toISOString().slice(0, 10);
  const result = await dialog.showSaveDialog(win, {
    title: 'Back up the archive',
    defaultPath: path.join(app.getPath('documents'), `breadth-archive-${day}.sqlite`),
    filters: [{ name: 'Breadth archive', extensions: ['sqlite'] }],
  });
  if (result.canceled || !result.filePath) return;
  try {
    await writeBackup(c.db, result.filePath, LATEST_SCHEMA_VERSION);
    await dialog.showMessageBox(win, { type: 'info', message: 'The archive is backed up', detail: `${result.filePath}\nChecked with integrity_check.` });
  } catch (err) {
    dialog.showErrorBox('The backup failed', (err as Error).message);
  }
}

/** File › Restore archive…: a backup file chosen by the analyst replaces the archive, after a confirmation. */
async function restoreFrom(win: BrowserWindow): Promise<void> {
  const c = core;
  if (!c) return;
  const chosen = await dialog.showOpenDialog(win, {
    title: 'Restore the archive from a backup',
    defaultPath: path.join(path.dirname(c.archivePath), 'backups'),
    properties: ['openFile'],
    filters: [{ name: 'Breadth archive', extensions: ['sqlite'] }],
  });
  const file = chosen.filePaths[0];
  if (chosen.canceled || !file) return;
  const answer = await dialog.showMessageBox(win, {
    type: 'warning',
    buttons: ['Replace the archive', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: `Replace the archive with ${path.basename(file)}?`,
    detail: 'The archive as it is now is backed up first, so this can be undone from the backups list.',
  });
  if (answer.response !== 0) return;
  try {
    // The window reloads on the backups:restored event.
    await restoreArchive(c, file);
  } catch (err) {
    dialog.showErrorBox('The restore failed', (err as Error).message);
  }
}

/**
 * Opens the archive; when it is damaged, offers the latest good backup in a dialog and opens that
 * instead (the damaged file is kept). Returns null when the app cannot go on.
 */
async function openCore(options: CoreOptions): Promise<Core | null> {
  try {
    return createCore(options);
  } catch (err) {
    const recovery = recoveryFor(options.archivePath, err);
    if (!recovery?.backup) {
      dialog.showErrorBox('Breadth cannot open its archive', recovery ? recoveryText(recovery).message : (err as Error).message);
      return null;
    }
    const text = recoveryText(recovery);
    const answer = await dialog.showMessageBox({
      type: 'error',
      title: text.title,
      message: text.title,
      detail: text.message,
      buttons: ['Restore the backup', 'Quit'],
      defaultId: 0,
      cancelId: 1,
    });
    if (answer.response !== 0) return null;
    try {
      acceptRecovery(recovery);
      return createCore(options);
    } catch (again) {
      dialog.showErrorBox('Breadth cannot open its archive', (again as Error).message);
      return null;
    }
  }
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
  const opened = await openCore({
    archivePath: path.join(app.getPath('userData'), 'archive.sqlite'),
    settings,
    host: 'electron',
    version: app.getVersion(),
    printer: new ElectronPrinter(isDev ? `${process.env['ELECTRON_RENDERER_URL']!.replace(/\/?$/, '/')}` : undefined),
    chooseTarget: saveDialog(() => mainWindow),
    ...(binding ? { nativeBinding: binding } : {}),
  });
  if (!opened) {
    app.exit(1);
    return;
  }
  core = opened;
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
  readTickersAhead(core.db);
  core.events.attach((event, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_EVENT, { event, payload });
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        {
          importCsv: () => mainWindow && void chooseCsvFiles(mainWindow),
          exportPdf: () => core?.events.emit('app:menuCommand', { command: 'export-pdf' }),
          backUp: () => mainWindow && void backUpTo(mainWindow),
          restore: () => mainWindow && void restoreFrom(mainWindow),
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
  // At quit, at most once a day: a checked backup of the archive (the quit waits for it).
  let quitBackupDone = false;
  app.on('before-quit', (event) => {
    if (quitBackupDone || !core) return;
    event.preventDefault();
    quitBackupDone = true;
    backupOnQuit(core)
      .catch((err: unknown) => console.error(`the quit backup failed: ${(err as Error).message}`))
      .finally(() => app.quit());
  });
  app.on('will-quit', () => core?.close());
  void app.whenReady().then(start);
}
