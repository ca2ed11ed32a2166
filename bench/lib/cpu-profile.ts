/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) and tells where the time went: self time per
 * function and per package or source folder, so a profile can be read without a browser.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  functions: { name: string; where: string; ms: number; share: number }[];
  places: { place: string; ms: number; share: number }[];
}

/** `node_modules/<pkg>` for dependencies, `server/src/<area>/<folder>` for ours, else the kind of frame. */
function placeOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1]!;
  const ours = /\/(server\/src\/[^/]+(?:\/[^/.]+)?)/.exec(url);
  if (ours) return ours[1]!;
  if (url.startsWith('node:')) return 'node internals';
  return url
    .replace(/^file:\/\//, '')
    .split('/')
    .slice(-2)
    .join('/');
}

export function summariseProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const functions = new Map<string, { name: string; where: string; us: number }>();
  const places = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    total += us;
    const name = frame.functionName || '(anonymous)';
    const where = frame.url
      ? `${frame.url
          .replace(/^file:\/\//, '')
          .split('/')
          .slice(-3)
          .join('/')}:${frame.lineNumber + 1}`
      : '';
    const key = `${name}@${where}`;
    const entry = functions.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    functions.set(key, entry);
    const place = placeOf(frame.url, name);
    places.set(place, (places.get(place) ?? 0) + us);
  }
  const share = (us: number) => Math.round((us / total) * 1000) / 10;
  return {
    totalMs: total / 1000,
    functions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, ms: f.us / 1000, share: share(f.us) })),
    places: [...places.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([place, us]) => ({ place, ms: us / 1000, share: share(us) })),
  };
}

export function renderProfile(summary: ProfileSummary): string {
  const lines = [`CPU profile: ${Math.round(summary.totalMs)} ms sampled`, '  by package / folder (self time):'];
  for (const p of summary.places) lines.push(`    ${p.share.toFixed(1).padStart(5)} %  ${p.place}`);
  lines.push('  hottest functions (self time):');
  for (const f of summary.functions) lines.push(`    ${f.share.toFixed(1).padStart(5)} %  ${f.name}  ${f.where}`);
  return lines.join('\n') + '\n';
}
