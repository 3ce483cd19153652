import type { MenuItemConstructorOptions } from 'electron';

/** What the menu asks the shell to do. */
export interface MenuActions {
  importCsv(): void;
  exportPdf(): void;
  backUp(): void;
  restore(): void;
  quit(): void;
}

/** The application menu: File, Edit, View (DevTools only in development), Window. */
export function menuTemplate(actions: MenuActions, options: { isDev: boolean; isMac: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (options.isDev) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import CSV…', accelerator: 'CmdOrCtrl+O', click: () => actions.importCsv() },
        { label: 'Export PDF…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportPdf() },
        { type: 'separator' },
        { label: 'Back up archive…', click: () => actions.backUp() },
        { label: 'Restore archive…', click: () => actions.restore() },
        { type: 'separator' },
        { label: 'Quit', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    { role: 'editMenu' },
    { label: '&View', submenu: view },
    { role: 'windowMenu' },
  ];
}
