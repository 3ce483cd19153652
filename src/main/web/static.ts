import fs from 'node:fs';
import path from 'node:path';

/** The strict policy the renderer runs under (same as the meta tag of index.html, plus frame-ancestors). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Content types of the files a renderer build holds. */
export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Where a request path may lead inside the built renderer: a file, or why it may not. */
export type RendererFile = { file: string; type: string } | { refused: 400 | 403 };

/**
 * Maps the path of a URL (still %-escaped) to a file inside `root`, the built renderer; `/` is
 * index.html. Malformed escapes and NUL are 400; anything that leaves the folder is 403.
 */
export function rendererFile(root: string, pathname: string): RendererFile {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return { refused: 400 };
  }
  if (rel.includes('\0')) return { refused: 400 };
  if (rel === '/' || rel === '') rel = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, '.' + rel);
  if (!file.startsWith(base + path.sep)) return { refused: 403 };
  return { file, type: MIME[path.extname(file)] ?? 'application/octet-stream' };
}

/** A file of the built renderer as served: its bytes, type, validator and caching. */
export interface ServedFile {
  body: Buffer;
  type: string;
  /** Changes whenever the file does (its size and modification time). */
  etag: string;
  /** Vite's hashed assets never change under their name; the pages are revalidated on every load. */
  cacheControl: string;
}

const served = new Map<string, ServedFile & { mtimeMs: number; size: number }>();

/**
 * A file of the built renderer (see {@link rendererFile}), read once and then answered from memory
 * while its size and modification time stay the same (a rebuild while the host runs is read anew).
 * Synchronous on purpose: a window's code is answered the moment it is asked for, never queued
 * behind the archive's answers on the one thread that serves both. 404 when there is no such file.
 */
export function servedFile(root: string, pathname: string): ServedFile | { refused: 400 | 403 | 404 } {
  const target = rendererFile(root, pathname);
  if ('refused' in target) return target;
  try {
    const stat = fs.statSync(target.file);
    if (!stat.isFile()) return { refused: 404 };
    const known = served.get(target.file);
    if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known;
    const body = fs.readFileSync(target.file);
    // Vite names what it builds `assets/[name]-[hash].[ext]`, the hash 8 characters long.
    const hashed = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(pathname);
    const file = {
      body,
      type: target.type,
      etag: `"${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}"`,
      cacheControl: hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      mtimeMs: stat.mtimeMs,
      size: stat.size,
    };
    served.set(target.file, file);
    return file;
  } catch {
    return { refused: 404 };
  }
}
