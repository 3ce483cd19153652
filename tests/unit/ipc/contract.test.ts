import { uiDefaults } from '../../../src/shared/settings';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames, contract, eventNames } from '../../../src/shared/contract/index';
import { handlers } from '../../../src/main/ipc/handlers';
import { DomainError } from '../../../src/main/errors';
import { createDispatcher, type Dispatch, type Handlers } from '../../../src/main/ipc/handle';
import type { Core } from '../../../src/main/core';
import { freshCore, insertBars } from '../../helpers/core';

const TRUSTED = { url: 'file:///app/out/renderer/index.html' };
const trusted = (s: { url: string }): boolean => s.url === TRUSTED.url;

describe('the contract and its handlers agree', () => {
  it('every declared channel has a handler and every handler is declared', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
  });

  it('every channel is named domain:action and has a zod input schema', () => {
    for (const name of channelNames) {
      expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
      expect(typeof contract[name].input.safeParse).toBe('function');
    }
    for (const name of eventNames) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('the preload source allow-lists the contract and nothing of ipcRenderer', () => {
    const src = fs.readFileSync(path.resolve(import.meta.dirname, '../../../src/preload/index.ts'), 'utf8');
    expect(src).toMatch(/exposeInMainWorld\('breadth', bridge\)/);
    expect(src).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});

describe('dispatch', () => {
  let core: Core;
  let cleanup: () => void;
  let dispatch: Dispatch;
  beforeEach(() => {
    ({ core, cleanup } = freshCore());
    dispatch = createDispatcher(handlers, core, trusted, () => {});
  });
  afterEach(() => cleanup());

  it('answers a valid call with ok and data', async () => {
    const r = await dispatch('archive:info', {}, TRUSTED);
    expect(r).toEqual({ ok: true, data: { schemaVersion: 10, tickers: 0, bars: 0, firstDate: null, lastDate: null, reports: 0, notes: 0 } });
  });

  it('refuses an unknown sender before looking at the input', async () => {
    const r = await dispatch('archive:info', {}, { url: 'https://evil.example/' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers bad input with INVALID_INPUT naming the field', async () => {
    const cases: Array<[unknown, unknown, RegExp]> = [
      ['archive:bars', { ticker: '' }, /ticker: ticker is empty/],
      ['archive:bars', { ticker: 'SPY', from: '2026-02-30' }, /from: not a calendar date/],
      ['archive:bars', { ticker: 'SPY', from: '01/02/2026' }, /from: expected a date as YYYY-MM-DD/],
      ['archive:info', { extra: 1 }, /unrecognized key/i],
      ['settings:set', { theme: 'purple' }, /theme/],
      ['archive:info', 'not an object', /expected object/i],
      ['no:such', {}, /unknown channel/],
      [42, {}, /unknown channel/],
    ];
    for (const [channel, input, message] of cases) {
      const r = await dispatch(channel, input, TRUSTED);
      expect(r.ok, `${String(channel)} ${JSON.stringify(input)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID_INPUT');
        expect(r.error.message).toMatch(message);
      }
    }
  });

  it('maps DomainError to its code and anything else to INTERNAL without throwing', async () => {
    const failing = {
      ...handlers,
      'archive:info': () => {
        throw new DomainError('NOT_FOUND', 'gone');
      },
      'archive:tickers': () => {
        throw new Error('disk on fire');
      },
    } as Handlers;
    const log = vi.fn();
    const d = createDispatcher(failing, core, trusted, log);
    expect(await d('archive:info', {}, TRUSTED)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
    expect(await d('archive:tickers', {}, TRUSTED)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'disk on fire' } });
    expect(log).toHaveBeenCalledOnce();
  });

  it('reads tickers and columnar bars through the contract', async () => {
    insertBars(core, 'SPY', [
      ['2021-01-04', 375.309998, 375.450012, 364.820007, 368.790009, 355.446808, 110210800],
      ['2021-01-05', 368.100006, 372.5, 368.049988, 371.329987, 357.894897, 66426200],
      ['2021-01-06', 369.709991, 376.980011, 369.119995, 373.549988, null, null],
    ]);
    const tickers = await dispatch('archive:tickers', {}, TRUSTED);
    expect(tickers).toEqual({
      ok: true,
      data: [{ symbol: 'SPY', name: 'SPDR S&P 500 ETF Trust', bars: 3, firstDate: '2021-01-04', lastDate: '2021-01-06', pricesAdjusted: false, hasAdjClose: true }],
    });
    const bars = await dispatch('archive:bars', { ticker: 'spy', from: '2021-01-05' }, TRUSTED);
    expect(bars.ok).toBe(true);
    if (!bars.ok) return;
    const b = bars.data as { dates: string[]; close: Float64Array; volume: Float64Array; adjClose: Float64Array };
    expect(b.dates).toEqual(['2021-01-05', '2021-01-06']);
    expect(b.close).toBeInstanceOf(Float64Array);
    expect(Array.from(b.close)).toEqual([371.329987, 373.549988]);
    expect(Number.isNaN(b.volume[1])).toBe(true);
    expect(Number.isNaN(b.adjClose[1])).toBe(true);
    expect(await dispatch('archive:bars', { ticker: 'QQQ' }, TRUSTED)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('settings round-trip through the contract', async () => {
    expect(await dispatch('settings:set', { theme: 'dark', lastTicker: 'IWM' }, TRUSTED)).toEqual({
      ok: true,
      data: { ...uiDefaults, theme: 'dark', lastView: 'overview', lastTicker: 'IWM' },
    });
    expect(await dispatch('settings:get', {}, TRUSTED)).toMatchObject({ ok: true, data: { theme: 'dark' } });
  });
});
