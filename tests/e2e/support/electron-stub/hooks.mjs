// Resolve hook: `electron` (and `electron/*`) → the stub module.
const stub = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron' || specifier.startsWith('electron/')) return { url: stub, shortCircuit: true };
  return next(specifier, context);
}
