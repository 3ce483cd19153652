/** Entry point of `npm run cli`: JSON on stdout, errors on stderr, non-zero exit on failure. */
import { runCli } from './run';

const code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
});
process.exitCode = code;
