/**
 * A Python reference that runs in one long-lived process, started before anything is timed.
 *
 * Spawning a process forks the bench: every page the bench had written becomes copy-on-write, and the
 * next run that writes to its memory again (SQLite's page cache, reused arrays) takes a fault on each
 * page. On these machines that is about 12 µs a page, over 100 ms for a panel of 500 tickers. The app
 * never forks between two of an analyst's requests, so a reference spawned between two timed runs would
 * charge Breadth (and DuckDB, in this process) for the harness. One process, forked once before the
 * archive is opened, runs every request instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

// Each request is a line of JSON: the script, its argv. The script prints one line of JSON.
const SERVE = String.raw`
import contextlib, io, json, sys, traceback
for line in sys.stdin:
    req = json.loads(line)
    out = io.StringIO()
    try:
        sys.argv = ["reference", *req["argv"]]
        with contextlib.redirect_stdout(out):
            exec(compile(req["script"], "reference", "exec"), {"__name__": "__main__"})
        reply = {"ok": True, "stdout": out.getvalue()}
    except BaseException:
        reply = {"ok": False, "error": traceback.format_exc().strip().split("\n")[-1]}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
`;

/** A Python process serving reference runs; `run` resolves to the script's printed line, or throws. */
export interface PythonReference {
  run: (script: string, argv: string[]) => Promise<string>;
  close: () => void;
}

/** Starts the process (the bench's only fork while it runs). */
export function pythonReference(): PythonReference {
  const child: ChildProcess = spawn('/usr/bin/python3', ['-c', SERVE], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = readline.createInterface({ input: child.stdout! });
  const waiting: Array<{ resolve: (s: string) => void; reject: (e: Error) => void }> = [];
  let exited: Error | null = null;
  const fail = (e: Error): void => {
    exited ??= e;
    for (const w of waiting.splice(0)) w.reject(e);
  };
  lines.on('line', (line) => {
    const w = waiting.shift();
    if (!w) return;
    let r: { ok: boolean; stdout?: string; error?: string };
    try {
      r = JSON.parse(line) as typeof r;
    } catch {
      return w.reject(new Error(`python wrote something else than its answer: ${line.slice(0, 200)}`));
    }
    if (r.ok) w.resolve(r.stdout!.trim());
    else w.reject(new Error(r.error));
  });
  // No python3 (ENOENT), or a write to a process that has gone (EPIPE): each request says so.
  child.on('error', fail);
  child.stdin!.on('error', fail);
  child.on('exit', (code) => fail(new Error(`python exited ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`)));
  return {
    run: (script, argv) =>
      new Promise((resolve, reject) => {
        if (exited) return reject(exited);
        if (child.pid === undefined) return reject(new Error('python3 could not be started'));
        waiting.push({ resolve, reject });
        child.stdin!.write(JSON.stringify({ script, argv }) + '\n');
      }),
    close: () => {
      lines.close();
      child.stdin!.end();
    },
  };
}

/**
 * Runs a bench with its Python reference, started first of all (the bench's only fork, before it has
 * written anything it will write again) and closed when the bench ends, however it ends.
 */
export async function withPythonReference(bench: (py: PythonReference) => Promise<void>): Promise<void> {
  const py = pythonReference();
  try {
    await bench(py);
  } finally {
    py.close();
  }
}
