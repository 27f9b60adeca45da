/**
 * `vite preview` of the built app for the benchmark scripts. Started in a process group of its own and
 * stopped as a group: killing `npx` alone left the vite server running after the script had ended.
 */
import { spawn } from 'node:child_process';

export async function startPreview(port: number): Promise<{ url: string; stop(): void }> {
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`preview server did not start at ${url}`);
}
