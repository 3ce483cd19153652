import type { Command } from '../command';
import { actionsCommand } from './actions';
import { backupCommand, backupsCommand, restoreCommand } from './backups';
import { breadthCommand } from './breadth';
import { importCommand, importsCommand, undoImportCommand } from './import';
import { infoCommand } from './info';
import { askCommand, verifyCommand } from './claims';
import { exportPdfCommand } from './pdf';
import { groupCommand, metricsCommand, relativeCommand } from './metrics';
import { reportCommand, reportExportCommand, reportImportCommand, reportsCommand, sampleCommand } from './reports';

/** Every CLI command. Each domain adds its commands in its own file and lists them here. */
export const commands: Command[] = [
  infoCommand,
  metricsCommand,
  relativeCommand,
  groupCommand,
  breadthCommand,
  actionsCommand,
  importCommand,
  importsCommand,
  undoImportCommand,
  reportsCommand,
  reportCommand,
  reportExportCommand,
  reportImportCommand,
  exportPdfCommand,
  verifyCommand,
  askCommand,
  sampleCommand,
  backupCommand,
  restoreCommand,
  backupsCommand,
];
