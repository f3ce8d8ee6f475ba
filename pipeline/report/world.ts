/**
 * A light world outline for the report's map of events: every country of the
 * world-countries package (data/<cca3>.geo.json, ODbL-1.0, already a
 * dependency for the country lexicon) as one SVG path in an equirectangular
 * projection (x = longitude + 180, y = 90 - latitude, so the whole world is the
 * box 0 0 360 180). Points are rounded to a grid of `step` degrees and repeated
 * points dropped, and rings too small to see at that grid are left out, so the
 * page carries a few tens of kB instead of megabytes.
 *
 * Read once when the module loads (from node_modules, like d3 and Plot); a pure
 * function of the package's files, sorted by name: the same bytes every build.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Ring = readonly (readonly [number, number])[];
interface Geometry {
  readonly type: string;
  readonly coordinates: unknown;
}

/** The rings of a Polygon or MultiPolygon (outer and holes alike: a hole drawn as an outline reads as a lake). */
function rings(g: Geometry): Ring[] {
  if (g.type === 'Polygon') return g.coordinates as Ring[];
  if (g.type === 'MultiPolygon') return (g.coordinates as Ring[][]).flat();
  return [];
}

/** One ring as a path: rounded to the grid, repeats removed; null when it shrinks to a sliver (fewer than 3 distinct points or under `minArea` square degrees). */
export function ringPath(ring: Ring, step: number, minArea: number): string | null {
  const pts: [number, number][] = [];
  for (const [lon, lat] of ring) {
    const x = Math.round((lon + 180) / step) * step;
    const y = Math.round((90 - lat) / step) * step;
    const last = pts[pts.length - 1];
    // radial simplification: a point closer than `step` (either axis) to the last kept one adds nothing at this scale
    if (!last || Math.max(Math.abs(last[0] - x), Math.abs(last[1] - y)) > step) pts.push([x, y]);
  }
  if (pts.length > 1 && pts[0]![0] === pts[pts.length - 1]![0] && pts[0]![1] === pts[pts.length - 1]![1]) pts.pop();
  if (pts.length < 3) return null;
  let area = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x0, y0] = pts[i]!;
    const [x1, y1] = pts[(i + 1) % pts.length]!;
    area += x0 * y1 - x1 * y0;
  }
  if (Math.abs(area) / 2 < minArea) return null;
  const n = (v: number): string => String(Number(v.toFixed(3)));
  return `M${pts.map(([x, y]) => `${n(x)} ${n(y)}`).join('L')}Z`;
}

/** The outline of every country as one path `d` in the 360 x 180 box, or "" when the package is not there. */
export function worldPath(step = 0.5, minArea = 0.75): string {
  let dir: string;
  try {
    dir = join(dirname(createRequire(import.meta.url).resolve('world-countries/countries.json')), 'data');
  } catch {
    return '';
  }
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.geo.json'))
    .sort();
  const parts: string[] = [];
  for (const f of files) {
    const fc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { features?: { geometry?: Geometry | null }[] };
    for (const feature of fc.features ?? []) {
      if (!feature.geometry) continue;
      for (const r of rings(feature.geometry)) {
        const p = ringPath(r, step, minArea);
        if (p) parts.push(p);
      }
    }
  }
  return parts.join('');
}

/** Where the outline comes from, for the page's credit line (ODbL asks for the notice). */
export const WORLD_CREDIT = 'Country outlines: world-countries (mledoze/countries), ODbL-1.0';
