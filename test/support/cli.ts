/** Runs the dataset CLI in a child process (as `make dataset` does). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/**
 * The command that runs the CLI: the sources through tsx, or, when CLI_BUNDLE names it, the bundle that
 * `make dataset` runs (pipeline/bundle.mjs: the same bytes out, test/scale/bundle.test.ts). `make check` builds
 * the bundle from the current sources first and sets CLI_BUNDLE: each run then starts in about half the CPU.
 */
export function cliCommand(args: readonly string[]): { readonly bin: string; readonly args: string[] } {
  const bundle = process.env['CLI_BUNDLE'];
  return bundle ? { bin: process.execPath, args: [bundle, ...args] } : { bin: TSX, args: [join(ROOT, 'pipeline/cli.ts'), ...args] };
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT) {
  const c = cliCommand(['--quiet', ...args]);
  const r = spawnSync(c.bin, c.args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `${prefix}-`));

/** Every file of a folder, by name, as bytes. */
export function readTree(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((n) => [n, readFileSync(join(dir, n))]),
  );
}
