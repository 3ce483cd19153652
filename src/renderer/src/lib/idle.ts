/**
 * Runs `task` in the browser's next idle moment, within a second at the latest; returns its cancel.
 * Safari (a browser the host's page may be opened in) has no requestIdleCallback: a short timeout there.
 */
export function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: 1_000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, 50);
  return () => window.clearTimeout(handle);
}
