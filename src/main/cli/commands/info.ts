import type { Command } from '../command';

/** `info`: what the archive holds. */
export const infoCommand: Command = {
  name: 'info',
  summary: 'Print what the archive holds: schema version, tickers, bars, date range, reports, notes.',
  usage: 'info --db PATH',
  options: {},
  run: (ctx) => ctx.call('archive:info', {}),
};
