/**
 * Runs the built `npm start` entry (api/dist/src/local/start.js, so `npm run build` must have run)
 * as a child process on a free port with its own data folder, as a developer would run it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const START_JS = fileURLToPath(new URL('../../../api/dist/src/local/start.js', import.meta.url));

/** What the local stack of the test process may have set: the child must choose for itself. */
const INHERITED_STACK_VARIABLES = ['COSMOS_ENDPOINT', 'COSMOS_KEY', 'LOS_COSMOS_ALLOW_SELF_SIGNED', 'LOS_DEV_AUTH', 'LOS_DEV_SIGNING_KEY_FILE'];

export interface StartedProcess {
  url: string;
  /** Everything printed on stdout so far. */
  output(): string;
  /** Sends the signal and waits for the exit; resolves with the exit code (null when killed). */
  stop(signal: 'SIGTERM' | 'SIGINT' | 'SIGKILL'): Promise<number | null>;
}

export async function startProcess(dataDir: string, args: string[] = []): Promise<StartedProcess> {
  if (!existsSync(START_JS)) throw new Error(`${START_JS} is missing: run npm run build first`);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOS_DATA_DIR: dataDir };
  for (const name of INHERITED_STACK_VARIABLES) delete env[name];
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [START_JS, ...args], { env, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /Line of Sight is running at (http:\/\/\S+)/.exec(stdout);
      if (match && stdout.includes('Press Ctrl+C to stop.')) {
        child.stdout.off('data', check);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => reject(new Error(`start.js exited (${code}) before it was ready:\n${stdout}\n${stderr}`)));
  });

  return {
    url,
    output: () => stdout,
    async stop(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}
