/** Breadth's version, as package.json states it (injected by the build; read from the file elsewhere). */
import pkg from '../../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;
