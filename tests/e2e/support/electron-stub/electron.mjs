// A stand-in for Electron's main-process API, just enough to start out/main/index.js on plain Node and
// record what the shell does: the window it creates, the IPC it registers, the menu, the session policy.
// When the window loads its page, the stub calls the registered IPC handler as a trusted and an
// untrusted frame would, exports the sample as a PDF through the shell's printer (its hidden window is
// backed by a real Chromium page, served by the shell's own app:// handler), prints one JSON report on
// stdout and exits.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const report = { messageBoxes: [], externalOpened: [], windows: [], handlers: [], menu: null, permission: null, navigation: [], frameNavigation: [], invocations: {}, schemes: [], protocol: {}, saveDialogs: [], prints: [] };
const handlers = new Map();
const protocolHandlers = new Map();
let readyAsked = false;
const appEvents = new EventEmitter();
const contentsEvents = new EventEmitter();

function labels(items) {
  return items.map((i) => ({ label: i.label ?? i.role ?? i.type, submenu: Array.isArray(i.submenu) ? labels(i.submenu) : undefined }));
}

// A file: URL naming a remote host (a UNC path on Windows) with the built renderer's own path.
const UNC_RENDERER = `file://evil.host${pathToFileURL(path.resolve('out/renderer/index.html')).pathname}`;
report.uncRenderer = UNC_RENDERER;

async function finish(url) {
  const handler = handlers.get('breadth:invoke');
  const call = (senderUrl, channel, input) => (handler ? handler({ senderFrame: { url: senderUrl } }, channel, input) : null);
  report.invocations.trusted = await call(url, 'archive:info', {});
  report.invocations.untrusted = await call('https://evil.example/', 'archive:info', {});
  report.invocations.uncFile = await call(UNC_RENDERER, 'archive:info', {});
  report.invocations.otherAppHost = await call('app://evil/index.html', 'archive:info', {});
  report.invocations.invalid = await call(url, 'archive:bars', { ticker: '' });
  // File › Export PDF… as the window asks it: the save dialog, the hidden window, printToPDF, the write.
  const reports = await call(url, 'reports:list', { filter: {} });
  const id = reports?.ok ? reports.data[0]?.id : undefined;
  report.invocations.pdf = id ? await call(url, 'pdf:export', { reportId: id, notes: 'all' }) : reports;
  await chromium?.then((b) => b.close());
  // What the app scheme answers, through the handler the shell registered.
  const serve = protocolHandlers.get('app');
  for (const u of [url, 'app://breadth/../../package.json', 'app://breadth/%2e%2e/%2e%2e/package.json', 'app://evil/index.html']) {
    const res = serve ? await serve(new Request(u)) : null;
    report.protocol[u] = res
      ? { status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), body: (await res.text()).slice(0, 200) }
      : null;
  }
  // What the shell does with navigation and window.open on any web contents.
  for (const target of ['https://example.com/', UNC_RENDERER, 'app://evil/index.html', url]) {
    const nav = { prevented: false };
    contentsEvents.emit('will-navigate', { preventDefault: () => (nav.prevented = true) }, target);
    report.navigation.push({ url: target, prevented: nav.prevented });
    const frame = { url: target, isMainFrame: false, prevented: false };
    contentsEvents.emit('will-frame-navigate', { url: target, isMainFrame: false, preventDefault: () => (frame.prevented = true) });
    report.frameNavigation.push({ url: target, prevented: frame.prevented });
  }
  report.windowOpen = windowOpenHandler ? windowOpenHandler({ url: 'https://example.com/' }) : null;
  // A link opens in the browser only right after the user's own input, and only an https one.
  report.windowOpenAfterClick = [];
  for (const target of ['https://www.sec.gov/filing', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.com/', 'app://breadth/index.html']) {
    contentsEvents.emit('input-event', {}, { type: 'mouseUp' });
    report.windowOpenAfterClick.push({ url: target, result: windowOpenHandler?.({ url: target }) });
  }
  contentsEvents.emit('input-event', {}, { type: 'mouseMove' });
  await new Promise((r) => {
    permissionHandler?.(null, 'geolocation', (allowed) => {
      report.permission = allowed;
      r();
    });
  });
  // File › Back up archive…: the save dialog's suggestion is accepted; the checked copy lands there.
  const backUp = menuTemplate?.find((m) => m.label === '&File')?.submenu?.find((i) => i.label === 'Back up archive…');
  backUp?.click();
  const until = Date.now() + 20_000;
  while (Date.now() < until && !report.messageBoxes.some((b) => /backed up/.test(b.message))) await new Promise((r) => setTimeout(r, 50));
  // Quitting: the shell holds the quit for its daily backup, then quits.
  const quitEvent = { prevented: false, preventDefault: () => (quitEvent.prevented = true) };
  appEvents.emit('before-quit', quitEvent);
  await Promise.race([quitAsked, new Promise((r) => setTimeout(r, 20_000))]);
  const backups = path.join(process.env.BREADTH_STUB_USER_DATA, 'backups');
  report.quit = { prevented: quitEvent.prevented, backups: fs.existsSync(backups) ? fs.readdirSync(backups) : [] };
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

// The hidden print window's contents: a real Chromium page (playwright-core), whose requests for
// app://breadth/… (as http://app.breadth.stub/…) the shell's own protocol handler answers.
let chromium = null;
async function printContents(record) {
  chromium ??= import('playwright-core').then(({ chromium: c }) =>
    c.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] }),
  );
  const context = await (await chromium).newContext();
  await context.route('**/*', async (route) => {
    const u = new URL(route.request().url());
    if (u.host !== 'app.breadth.stub') return route.abort();
    const res = await protocolHandlers.get('app')(new Request(`app://breadth${u.pathname}`));
    return route.fulfill({ status: res.status, contentType: res.headers.get('content-type') ?? undefined, body: Buffer.from(await res.arrayBuffer()) });
  });
  const page = await context.newPage();
  return {
    loadURL: async (url) => {
      record.url = url;
      await page.goto(url.replace('app://breadth/', 'http://app.breadth.stub/'));
    },
    executeJavaScript: (code) => page.evaluate(code),
    printToPDF: async (o) => {
      record.printOptions = o;
      const inch = (v) => `${v}in`;
      return page.pdf({
        format: o.pageSize,
        margin: { top: inch(o.margins.top), right: inch(o.margins.right), bottom: inch(o.margins.bottom), left: inch(o.margins.left) },
        printBackground: o.printBackground,
        displayHeaderFooter: o.displayHeaderFooter,
        headerTemplate: o.headerTemplate,
        footerTemplate: o.footerTemplate,
        outline: o.generateDocumentOutline,
        tagged: o.generateTaggedPDF,
      });
    },
    close: () => context.close(),
  };
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.destroyed = false;
    if (!options.webPreferences?.preload) {
      // A window without the preload: the PDF printer's hidden window.
      const record = { options, destroyed: false };
      report.prints.push(record);
      this.record = record;
      const contents = printContents(record);
      this.webContents = {
        executeJavaScript: async (code) => (await contents).executeJavaScript(code),
        printToPDF: async (o) => (await contents).printToPDF(o),
      };
      this.loadURL = async (url) => (await contents).loadURL(url);
      this.destroy = () => {
        this.destroyed = record.destroyed = true;
        void contents.then((c) => c.close());
      };
      return;
    }
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
  destroy() {
    this.destroyed = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

let resolveQuit = () => {};
const quitAsked = new Promise((r) => (resolveQuit = r));
let menuTemplate = null;

export const app = {
  isPackaged: false,
  getPath: (name) => (name === 'userData' || name === 'documents' ? process.env.BREADTH_STUB_USER_DATA : '/tmp'),
  getVersion: () => '0.0.0-stub',
  getAppPath: () => process.cwd(),
  requestSingleInstanceLock: () => true,
  whenReady: () => {
    readyAsked = true;
    return Promise.resolve();
  },
  on: (event, listener) => appEvents.on(event, listener),
  // Recorded, not obeyed: the stub reports what the shell did before quitting, then exits itself.
  quit: () => resolveQuit(),
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
    menuTemplate = template;
    report.menu = labels(template);
    return {};
  },
  setApplicationMenu: () => {},
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => {
    for (const s of schemes) report.schemes.push({ ...s, beforeReady: !readyAsked });
  },
  handle: (scheme, fn) => protocolHandlers.set(scheme, fn),
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
  showMessageBox: async (...args) => {
    const options = args.at(-1);
    report.messageBoxes.push({ type: options.type, message: options.message, detail: options.detail });
    return { response: 0 };
  },
  // The analyst accepts the suggested name in the suggested folder.
  showSaveDialog: async (...args) => {
    const options = args.at(-1);
    report.saveDialogs.push(options);
    return { canceled: false, filePath: options.defaultPath };
  },
};
export const shell = { openExternal: async (url) => void report.externalOpened.push(url) };

// electron-store imports electron's default export, as the real module (CommonJS) provides it.
// eslint-disable-next-line no-restricted-syntax
export default { app, BrowserWindow, ipcMain, Menu, protocol, session, screen, nativeTheme, dialog, shell };
