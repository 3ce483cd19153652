/**
 * The IPC contract under fire: every channel gets malformed and hostile payloads (wrong types at every
 * field, strings and arrays past their bounds, non-objects, prototype-pollution keys, paths where names
 * or ids belong), through the dispatcher Electron uses and over the browser host's HTTP API. Each must
 * answer INVALID_INPUT naming the field, with the archive unchanged and the process serving the next call.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract, type Channel } from '../../../src/shared/contract/index';
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/handle';
import { handlers } from '../../../src/main/ipc/handlers';
import { startBrowserHost, type BrowserHost } from '../../../src/main/web/server';
import { processFile } from '../../../src/main/import/import-file';
import type { Core } from '../../../src/main/core';
import { archiveHash } from '../../helpers/archive';
import { freshCore } from '../../helpers/core';
import { prng } from '../../helpers/prng';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface Schema {
  type?: string | string[];
  enum?: Json[];
  const?: Json;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  default?: Json;
}

/** Values a schema's pattern accepts, for the patterns the contract uses. */
const PATTERN_EXAMPLES: Array<[RegExp, string]> = [
  [/^\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$$/, '2026-01-09'],
  [/^\^archive-/, 'archive-20260101-000000-manual.sqlite'],
];

/** A valid value for a JSON schema (the contract's subset of it). */
function example(s: Schema): Json {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0]!;
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return example(alt.find((a) => a.type !== 'null') ?? alt[0]!);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      if (s.format === 'uuid') return crypto.randomUUID();
      if (s.pattern) {
        const hit = PATTERN_EXAMPLES.find(([p]) => p.test(s.pattern!));
        if (hit) return hit[1];
      }
      return 'SPY'.padEnd(s.minLength ?? 0, 'Y').slice(0, s.maxLength ?? 3);
    }
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1, s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => example(s.items ?? {}));
    case 'object': {
      const out: Record<string, Json> = {};
      for (const k of s.required ?? []) out[k] = example(s.properties![k]!);
      return out;
    }
    default:
      return null;
  }
}

/** Valid inputs the generator cannot derive (refinements across fields, discriminated drafts). */
const OVERRIDES: Partial<Record<Channel, unknown>> = {
  'breadth:series': { universe: { kind: 'tickers', tickers: ['SPY'] }, benchmark: 'SPY', from: '2026-01-02', to: '2026-01-09' },
  'actions:add': { ticker: 'SPY', kind: 'split', date: '2026-01-09', ratio: 2 },
  'import:saveMapping': { layoutKey: 'Date,Close', mapping: { date: 0, close: 1 } },
};

function base(channel: Channel): unknown {
  if (OVERRIDES[channel]) return OVERRIDES[channel];
  return example(z.toJSONSchema(contract[channel].input, { io: 'input', unrepresentable: 'any' }) as Schema);
}

/** Every leaf of a value with its path. */
function leaves(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => [at, ...leaves(v, [...at, i])]) : [at];
  if (value && typeof value === 'object') return [at, ...Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]))];
  return [at];
}

function withValue(root: unknown, at: Array<string | number>, value: unknown): unknown {
  if (at.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[at.at(-1)!] = value;
  return copy;
}

const HUGE = 'x'.repeat(5 * 1024 * 1024);
const PATHS = ['../../../../etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini', '..\\..\\archive.sqlite', 'file:///etc/passwd', '\u0000'];

/** The hostile replacements for one leaf, by what it holds now. */
function replacements(current: unknown, rand: () => number): unknown[] {
  const wrongTypes: unknown[] = [null, true, 42, -1, 1.5, 'text', [], {}, [[[[]]]]];
  if (typeof current === 'string') return [...wrongTypes, HUGE, ...PATHS, 'x'.repeat(1 + Math.floor(rand() * 5000))];
  if (typeof current === 'number') return [...wrongTypes, 0, -0, 2 ** 53, 1e308, Number.NaN, Number.POSITIVE_INFINITY, '1', ...PATHS];
  if (Array.isArray(current)) return [...wrongTypes, Array.from({ length: 20_000 }, () => current[0] ?? 'SPY'), 'SPY,IWM'];
  if (current && typeof current === 'object') {
    return [...wrongTypes, 'object', JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { polluted: true } } }, { ...current, extra: 1 }];
  }
  return wrongTypes;
}

/** A hostile payload, and the field it spoils (empty for whole-input ones). */
interface Hostile {
  payload: unknown;
  field: string | null;
}

/** The payloads for a channel: whole-input ones and one per leaf and replacement, only those the schema refuses. */
function hostilePayloads(channel: Channel, seed: number): Hostile[] {
  const rand = prng(seed);
  const valid = base(channel);
  const whole: unknown[] = [
    42,
    'archive:info',
    [valid],
    true,
    HUGE,
    JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(valid).slice(1)}`.replace(/,}$/, '}')),
    { ...(valid as object), constructor: { prototype: { polluted: true } } },
    { ...(valid as object), ['k'.repeat(100_000)]: 1 },
    { ...(valid as object), toString: 'x', hasOwnProperty: 1 },
  ];
  const perLeaf = leaves(valid).flatMap((at) => {
    let current: unknown = valid;
    for (const k of at) current = (current as Record<string | number, unknown>)[k];
    return replacements(current, rand).map((v) => ({ payload: withValue(valid, at, v), field: at.length ? String(at[0]) : null }));
  });
  return [...whole.map((payload) => ({ payload, field: null })), ...perLeaf].filter((h) => !contract[channel].input.safeParse(h.payload).success);
}

const snapshot = (core: Core): string => archiveHash(core.db);

let core: Core;
let cleanup: () => void;
let dispatch: Dispatch;
const logged: string[] = [];

beforeAll(() => {
  ({ core, cleanup } = freshCore('browser'));
  const real = path.resolve(__dirname, '../../fixtures/import/real');
  expect(processFile(core.db, { path: path.join(real, 'yahoo/SPY.csv') }, {}, 'import').status).toBe('imported');
  dispatch = createDispatcher(handlers, core, () => true, (m, e) => logged.push(`${m}: ${String(e)}`));
});
afterAll(() => cleanup());

/** Where a schema leaves a string, an array or an object unbounded. */
function unbounded(s: Schema & { additionalProperties?: unknown }, at: string): string[] {
  const out: string[] = [];
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  // An anchored pattern without an open-ended quantifier (a date, a backup's name) bounds the length too.
  const boundedPattern = s.pattern !== undefined && /^\^.*\$$/.test(s.pattern) && !/[*+]|\{\d+,\}/.test(s.pattern);
  if (types.includes('string') && s.maxLength === undefined && !boundedPattern && s.enum === undefined && s.const === undefined && s.format !== 'uuid') {
    out.push(`${at}: string without maxLength`);
  }
  if (types.includes('array') && s.maxItems === undefined) out.push(`${at}: array without maxItems`);
  if (types.includes('object') && s.additionalProperties !== false) out.push(`${at}: object that takes unknown keys`);
  for (const [k, v] of Object.entries(s.properties ?? {})) out.push(...unbounded(v, `${at}.${k}`));
  if (s.items) out.push(...unbounded(s.items, `${at}[]`));
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) out.push(...unbounded(alt, at));
  return out;
}

describe('every channel under malformed and hostile payloads', () => {
  it('the contract bounds every input: strings have a maximum length, arrays a maximum size, objects refuse unknown keys', () => {
    const loose = channelNames.flatMap((c) => unbounded(z.toJSONSchema(contract[c].input, { io: 'input', unrepresentable: 'any' }) as Schema, c));
    expect(loose).toEqual([]);
  });


  it('the generator finds a valid input for every channel (so the mutations test each field, not a missing one)', () => {
    const invalid = channelNames.filter((c) => !contract[c].input.safeParse(base(c)).success);
    expect(invalid).toEqual([]);
  });

  it('through the dispatcher: INVALID_INPUT naming the field, nothing polluted, the archive unchanged, the next call served', async () => {
    const before = snapshot(core);
    let sent = 0;
    for (const [i, channel] of channelNames.entries()) {
      const payloads = hostilePayloads(channel, 1000 + i);
      expect(payloads.length, channel).toBeGreaterThan(5);
      for (const { payload, field } of payloads) {
        const r = await dispatch(channel, payload, { url: 'test:' });
        sent++;
        if (r.ok || r.error.code !== 'INVALID_INPUT') {
          throw new Error(`${channel} answered ${JSON.stringify(r).slice(0, 300)} to ${JSON.stringify(payload)?.slice(0, 300)}`);
        }
        expect(r.error.message.startsWith(`${channel}: `)).toBe(true);
        // A spoilt field is named (a union's refusal may name the union's own field, which is the same one).
        if (field !== null) expect(r.error.message, `${channel} ${JSON.stringify(payload).slice(0, 200)}`).toContain(field);
        expect(r.error.message.length).toBeLessThan(2000);
      }
    }
    expect(sent).toBeGreaterThan(channelNames.length * 20);
    console.log(`${sent} hostile payloads over ${channelNames.length} channels`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(logged).toEqual([]);
    expect(snapshot(core)).toBe(before);
    expect(await dispatch('archive:info', {}, { url: 'test:' })).toMatchObject({ ok: true, data: { tickers: 1 } });
  });

  it('unknown channels and channel names that are not strings are refused the same way', async () => {
    for (const name of [undefined, null, 42, {}, ['archive:info'], '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'archive:info ', 'ARCHIVE:INFO', HUGE]) {
      const r = await dispatch(name, {}, { url: 'test:' });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      // A hostile name is never echoed whole.
      expect((r as { error: { message: string } }).error.message.length).toBeLessThan(200);
    }
  });
});

describe('the browser host under the same payloads', () => {
  let host: BrowserHost;
  beforeAll(async () => {
    const rendererDir = path.join(path.dirname(core.archivePath), 'renderer');
    fs.mkdirSync(rendererDir, { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    host = await startBrowserHost({ core, rendererDir });
  });
  afterAll(() => host.close());

  const post = (body: string): Promise<Response> =>
    fetch(`http://127.0.0.1:${host.port}/api/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
      body,
    });

  it('answers every hostile payload with INVALID_INPUT, leaves the archive unchanged and keeps serving', async () => {
    const before = snapshot(core);
    for (const [i, channel] of channelNames.entries()) {
      // JSON carries no NaN or Infinity (they arrive as null); the rest travel as they are.
      // The 5 MB strings go to every eighth channel only: the body limit, not the channel, decides them.
      const payloads = hostilePayloads(channel, 5000 + i).map((h) => h.payload);
      for (const p of payloads.filter((x) => !JSON.stringify(x)?.includes('"x'.padEnd(1024, 'x')) || i % 8 === 0)) {
        const res = await post(JSON.stringify({ channel, input: p }));
        const json = (await res.json()) as { ok: boolean; error?: { code: string } };
        if (json.ok || json.error?.code !== 'INVALID_INPUT') throw new Error(`${channel} over HTTP answered ${JSON.stringify(json).slice(0, 300)}`);
      }
    }
    expect(snapshot(core)).toBe(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
    const ok = (await (await post(JSON.stringify({ channel: 'archive:info', input: {} }))).json()) as { ok: boolean };
    expect(ok.ok).toBe(true);
  });

  it('answers bodies that are not the envelope with INVALID_INPUT: broken JSON, deep nesting, wrong shapes', async () => {
    const bodies = ['', '{', 'null', '[]', '"archive:info"', '{"channel":', '{"channel":"archive:info","input":', '[' .repeat(200_000) + ']'.repeat(200_000), '{"channel":{"__proto__":1}}', '\u0000', '{"channel":"archive:info","input":{"__proto__":{"polluted":true}}}'];
    for (const body of bodies) {
      const res = await post(body);
      expect(res.status === 400 || res.status === 200, body.slice(0, 40)).toBe(true);
      const json = (await res.json()) as { ok: boolean; error?: { code: string } };
      expect(json, body.slice(0, 40)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
    const ok = (await (await post(JSON.stringify({ channel: 'archive:info', input: {} }))).json()) as { ok: boolean };
    expect(ok.ok).toBe(true);
  });
});
