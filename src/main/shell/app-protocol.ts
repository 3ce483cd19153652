import { CONTENT_SECURITY_POLICY, servedFile } from '../web/static';

/** The custom scheme the packaged renderer is served from, instead of file:// (whose host is ignored). */
export const APP_SCHEME = 'app';
/** The one host of the app scheme: `app://breadth/…`. */
export const APP_HOST = 'breadth';
/** The page the window loads outside development. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * How the scheme is registered: standard (real origin, relative URLs) and secure (like https), with
 * V8's code cache, so that a later start compiles the window's code from the cache (Electron ≥ 28).
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

function refuse(status: number): Response {
  return new Response(null, { status });
}

/**
 * Answers one request of the app scheme with a file of the built renderer: only `app://breadth/…`,
 * only inside `rendererDir`, with the strict Content-Security-Policy as a header.
 */
export async function serveAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refuse(400);
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return refuse(404);
  const file = servedFile(rendererDir, url.pathname);
  if ('refused' in file) return refuse(file.refused);
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: {
      'Content-Type': file.type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': file.cacheControl,
    },
  });
}
