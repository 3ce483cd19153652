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
