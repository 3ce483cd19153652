// Node loader hook: resolves `electron` to the stub beside this file, so the built main bundle can be
// started on plain Node where the Electron binary is missing.
import { register } from 'node:module';

register(new URL('./hooks.mjs', import.meta.url));
