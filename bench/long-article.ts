/**
 * `make bench-long`: the cost of ONE long article through the whole build (normalize to publish, one
 * thread, no cache) at doubling lengths, for three kinds of hostile or careless text: invented varied
 * prose (many names, places, dates and happenings), one sentence repeated as a single line with no
 * newline, and "A. " repeated (hundreds of thousands of one-letter sentences). The per-article cost must be
 * linear in the article's length: the ms per MB column stays flat as the length doubles. Each run is its
 * own process, so peak RSS is its own. No assertions: figures only (copied by hand to bench/profile.md).
 *
 *   tsx bench/long-article.ts [--sizes 0.25,0.5,1,2] [--kinds prose,line,initials]
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { defaultConfig } from '../pipeline/config.ts';
import { buildDataset } from '../pipeline/run.ts';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TOWNS = ['Arlen', 'Bexby', 'Corrin', 'Dunmore', 'Elstow', 'Farrow', 'Gildon'];
const BODIES = ['council', 'union', 'board', 'ministry', 'port authority'];

/** Invented text of one kind, about `bytes` long. */
function text(kind: string, bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const s =
      kind === 'line'
        ? 'The river rose again on Monday and the town council met to discuss the flood walls. '
        : kind === 'initials'
          ? 'A. '
          : `The ${BODIES[i % BODIES.length]} of ${TOWNS[i % TOWNS.length]} met on ${DAYS[i % 7]} with the mayor Jon Brack${i % 13} to discuss plan ${i}, police said. ` +
            `Gunmen attacked a convoy near ${TOWNS[(i * 3) % TOWNS.length]} on ${DAYS[(i + 2) % 7]}, killing ${(i % 9) + 2} people. ` +
            (i % 5 === 4 ? '\n\n' : '');
    parts.push(s);
    n += s.length;
  }
  return parts.join('').slice(0, bytes);
}

function child(kind: string, mb: number): void {
  const body = text(kind, Math.round(mb * 1024 * 1024));
  const bytes = new TextEncoder().encode(`Long Report\n\n${body}`);
  const t0 = performance.now();
  const { dataset } = buildDataset(
    { files: [{ path: 'long.txt', size: bytes.length, bytes, read_error: null }], manifest: [] },
    { ...defaultConfig, maxChars: 4_000_000, timeBudgetMs: 0, formats: [] },
  );
  const wallS = (performance.now() - t0) / 1000;
  process.stdout.write(
    `${JSON.stringify({ kind, mb, wallS, peakRssMb: process.resourceUsage().maxRSS / 1024, sentences: dataset.sentences.length, eventMentions: dataset.event_mentions.length, actorMentions: dataset.actor_mentions.length })}\n`,
  );
}

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '0.25,0.5,1,2' }, kinds: { type: 'string', default: 'prose,line,initials' }, child: { type: 'string' } },
});
if (values.child) {
  const [kind, mb] = values.child.split(':');
  child(kind!, Number(mb));
} else {
  console.log('kind      MB   wall s  ms/MB  peak RSS MB  sentences  event mentions  actor mentions');
  for (const kind of values.kinds.split(','))
    for (const mb of values.sizes.split(',').map(Number)) {
      const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--child', `${kind}:${mb}`], { encoding: 'utf8', maxBuffer: 1e8 });
      if (r.status !== 0) {
        console.log(`${kind} ${mb}: failed (${r.stderr.trim().split('\n').slice(-3).join(' | ')})`);
        continue;
      }
      const x = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
      console.log(
        `${kind.padEnd(9)} ${String(mb).padStart(4)} ${x.wallS.toFixed(1).padStart(8)} ${String(Math.round((x.wallS * 1000) / mb)).padStart(6)} ${String(Math.round(x.peakRssMb)).padStart(12)} ${String(x.sentences).padStart(10)} ${String(x.eventMentions).padStart(15)} ${String(x.actorMentions).padStart(15)}`,
      );
    }
}
