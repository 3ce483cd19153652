/**
 * The one IPC contract between the renderer and main. Every channel is `'domain:action'` with a zod
 * input schema and a result type; every event has a payload type. Each domain declares its part in its
 * own file; this module joins them. main binds each channel with `handle()`, the preload exposes only
 * `invoke`/`on` over these names, and the renderer calls them through one typed client.
 */
import type { z } from 'zod';
import { actionChannels } from './actions';
import { appChannels, appEvents } from './app';
import { analyticsChannels } from './analytics';
import { claimChannels, claimEvents } from './claims';
import { archiveChannels } from './archive';
import { backupChannels, backupEvents } from './backups';
import { breadthChannels } from './breadth';
import { settingsChannels } from './settings';
import { watchlistChannels } from './watchlists';
import { importChannels, importEvents } from './import';
import { noteChannels } from './notes';
import { pdfChannels } from './pdf';
import { reportChannels } from './reports';
import { sampleChannels } from './sample';
import { searchChannels } from './search';
import type { ChannelDef, EventDef } from './define';

export const contract = {
  ...appChannels,
  ...settingsChannels,
  ...archiveChannels,
  ...importChannels,
  ...analyticsChannels,
  ...breadthChannels,
  ...actionChannels,
  ...watchlistChannels,
  ...reportChannels,
  ...claimChannels,
  ...noteChannels,
  ...pdfChannels,
  ...searchChannels,
  ...sampleChannels,
  ...backupChannels,
} as const;

export const events = {
  ...appEvents,
  ...importEvents,
  ...claimEvents,
  ...backupEvents,
} as const;

export type Contract = typeof contract;
/** Every channel name. */
export type Channel = keyof Contract;
/** What the caller passes (before validation). */
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
/** What the handler receives (after validation and transforms). */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
/** What the channel resolves to. */
export type OutputOf<C extends Channel> = Contract[C] extends ChannelDef<z.ZodType, infer R> ? R : never;

export type Events = typeof events;
/** Every event name. */
export type EventName = keyof Events;
/** An event's payload. */
export type PayloadOf<E extends EventName> = Events[E] extends EventDef<infer P> ? P : never;

/** Channel names, for allow-lists. */
export const channelNames = Object.keys(contract) as Channel[];
/** Event names, for allow-lists. */
export const eventNames = Object.keys(events) as EventName[];

/** Name of the single Electron IPC channel that carries invocations. */
export const IPC_INVOKE = 'breadth:invoke';
/** Name of the single Electron IPC channel that carries events. */
export const IPC_EVENT = 'breadth:event';

export type { AppInfo, MenuCommand } from './app';
export type { UiSettings } from '../settings';
export * from './schemas';
