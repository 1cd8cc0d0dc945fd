import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) of a server process: self time by function and
 * by where the code lives (an npm package, a file of ours, a part of Node), cut to the samples
 * taken during the measured load, with idle time left out of the shares.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  ms: number;
  /** Of the busy (non-idle) time in the window. */
  share: number;
}

export interface ProfileSummary {
  file: string;
  /** Coarse areas (SQLite, HTTP, validation …), the issue's way of splitting a request. */
  areas: ProfileShare[];
  /** False when no sample fell inside the run's window and the whole profile is summarised. */
  windowed: boolean;
  /** The run's window on the profile's clock (µs), to summarise the file again. */
  window: { fromUs: number; toUs: number };
  busyMs: number;
  requests: number;
  busyMsPerRequest: number;
  groups: ProfileShare[];
  functions: ProfileShare[];
}

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

/** Where a frame's code lives: the npm package, the repo file, or the part of Node. */
export function codeGroup(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope = '', name = ''] = url.slice(modules + '/node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (url.startsWith('node:')) {
    const parts = url.slice('node:'.length).split('/');
    return `node:${parts[0] === 'internal' ? `internal/${parts[1] ?? ''}` : parts[0]}`.replace(
      /\.js$/,
      '',
    );
  }
  const path = url.startsWith('file://') ? new URL(url).pathname : url;
  return relative(REPO_ROOT, path).split(sep).join('/');
}

const HTTP_NATIVE = new Set(['writev', 'writeUtf8String', 'writeBuffer', 'writeLatin1String']);

/** The area a frame's self time belongs to; `group` as `codeGroup` gives it. */
export function areaOf(group: string, functionName: string): string {
  if (group === 'libsql' || group.startsWith('@libsql/')) return 'SQLite (libSQL calls)';
  if (group === 'drizzle-orm') return 'drizzle query building';
  if (group === 'zod') return 'validation (zod)';
  if (group === 'jose' || group === '@shopify/shopify-api') return 'session token (JWT)';
  if (group === 'hono') return 'Hono routing and middleware';
  if (
    group === '@hono/node-server' ||
    group === 'node:internal/deps' ||
    group === 'node:internal/webstreams' ||
    group === 'node:internal/streams' ||
    group === 'node:net' ||
    group.startsWith('node:_http') ||
    group === 'node:internal/http' ||
    HTTP_NATIVE.has(functionName)
  )
    return 'HTTP (node:http, undici Request/Response, web streams, node-server)';
  if (group === '(garbage collector)') return 'garbage collector';
  if (group === 'server/logger.ts' || group === 'server/http/access-log.ts') return 'logging';
  if (/^(server|core|drizzle)\//.test(group)) return 'our code (server/, core/)';
  return 'other (V8, Node internals, native)';
}

function top(map: Map<string, number>, busy: number, count: number): ProfileShare[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: us / 1000, share: busy > 0 ? us / busy : 0 }));
}

export function summarizeProfile(
  profile: CpuProfile,
  window: { fromUs: number; toUs: number },
  requests: number,
  file = '',
): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) {
    t += delta;
    times.push(t);
  }
  const inWindow = (i: number) =>
    (times[i] ?? 0) >= window.fromUs && (times[i] ?? 0) <= window.toUs;
  const windowed = times.some((_, i) => inWindow(i));
  const byFunction = new Map<string, number>();
  const byGroup = new Map<string, number>();
  const byArea = new Map<string, number>();
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    if (windowed && !inWindow(i)) continue;
    // A sample stands for the time until the next one.
    const us = (times[i + 1] ?? times[i] ?? 0) - (times[i] ?? 0);
    const node = byId.get(profile.samples[i] ?? -1);
    if (!node || us <= 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    busy += us;
    const group = codeGroup(url, functionName);
    // Line numbers of our .ts files are those of tsx's output, not of the source: left out.
    const where = url.endsWith('.ts') ? group : `${group}:${lineNumber + 1}`;
    const name = url ? `${functionName || '(anonymous)'} (${where})` : functionName || '(native)';
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byGroup.set(group, (byGroup.get(group) ?? 0) + us);
    const area = areaOf(group, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  return {
    file,
    windowed,
    window,
    busyMs: busy / 1000,
    requests,
    busyMsPerRequest: requests > 0 ? busy / 1000 / requests : 0,
    areas: top(byArea, busy, 20),
    groups: top(byGroup, busy, 14),
    functions: top(byFunction, busy, 15),
  };
}

/** The one profile a server process wrote into `dir`. */
export function summarizeProfileDir(
  dir: string,
  window: { fromUs: number; toUs: number },
  requests: number,
): ProfileSummary {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const path = join(dir, file);
  return summarizeProfile(
    JSON.parse(readFileSync(path, 'utf8')) as CpuProfile,
    window,
    requests,
    path,
  );
}
