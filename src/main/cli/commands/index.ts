import type { Command } from '../command';
import { infoCommand } from './info';

/** Every CLI command. Each domain adds its commands in its own file and lists them here. */
export const commands: Command[] = [infoCommand];
