import type { Channel } from './contract/index';

/**
 * What the first screen needs whatever the view: the settings decide it, the sidebar (tickers,
 * watchlists, the report library and its trash and facets) and the Overview (totals, backups) the
 * rest. Each input is the one its component asks with, so the answers land under its query key. The
 * renderer sends these before its views' code is evaluated; `npm run bench -- archive` times them.
 */
export const FIRST_SCREEN: ReadonlyArray<readonly [Channel, object]> = [
  ['settings:get', {}],
  ['archive:tickers', {}],
  ['archive:info', {}],
  ['watchlists:list', {}],
  ['app:info', {}],
  ['reports:list', { filter: {} }],
  ['reports:list', { filter: { trash: true } }],
  ['reports:facets', {}],
  ['backups:list', {}],
];
