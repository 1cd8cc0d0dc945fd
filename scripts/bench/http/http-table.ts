import type { MachineInfo } from '../machine.js';
import type { ProfileSummary } from './cpu-profile.js';
import type { HttpBenchResults, ScenarioResult } from './run-http-bench.js';
import type { StartupResult } from './startup.js';

/**
 * The HTTP bench as tables: throughput side by side with ratios to the floor (bare Hono) and to
 * the ceiling (the best raw-insert rate of the same run), the accounting of every scenario, the
 * issue's goals met or not, start-up, and the profile of the batch-3 run.
 */
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const fixed = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const ratio = (x: number) => (x >= 0.1 ? x.toFixed(2) : x.toFixed(3));
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export interface Goal {
  goal: string;
  target: string;
  measured: string;
  met: boolean | null;
}

function find(r: HttpBenchResults, key: ScenarioResult['key']) {
  return r.scenarios.find((s) => s.key === key);
}

/**
 * The floor the ratios use: the better of its two runs (start and end of the bench), by req/s
 * and by CPU per request, so a busy minute elsewhere on the machine cannot flatter the ratios.
 */
export function floorOf(r: HttpBenchResults): ScenarioResult | undefined {
  const runs = r.scenarios.filter((s) => s.key === 'floor' || s.key === 'floor-end');
  if (runs.length === 0) return undefined;
  const best = runs.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
  return { ...best, cpuMsPerRequest: Math.min(...runs.map((s) => s.cpuMsPerRequest)) };
}

/** The best raw-insert rate of the run, events/s. */
export function ceilingOf(r: HttpBenchResults): ScenarioResult | undefined {
  return r.scenarios
    .filter((s) => s.group === 'raw')
    .sort((a, b) => (b.eventsPerSecond ?? 0) - (a.eventsPerSecond ?? 0))[0];
}

export function goals(r: HttpBenchResults): Goal[] {
  const floor = floorOf(r);
  const ceiling = ceilingOf(r);
  const b3 = find(r, 'events-3');
  const b50 = find(r, 'events-50');
  const hooks = find(r, 'webhooks');
  const out: Goal[] = [];
  if (floor && b3) {
    const x = b3.requestsPerSecond / floor.requestsPerSecond;
    const p99 = b3.latencyMs?.p99 ?? Number.POSITIVE_INFINITY;
    out.push({
      goal: 'events at batch 3 over HTTP',
      target: '≥ 0.25× the floor, p99 ≤ 50 ms at 50 connections',
      measured: `${ratio(x)}× (${int(b3.requestsPerSecond)} of ${int(floor.requestsPerSecond)} req/s), p99 ${int(p99)} ms`,
      met: x >= 0.25 && p99 <= 50,
    });
  }
  if (b50) {
    const eps = b50.eventsPerSecond ?? 0;
    const x = ceiling?.eventsPerSecond ? eps / ceiling.eventsPerSecond : Number.NaN;
    out.push({
      goal: 'events at batch 50',
      target: '≥ 20,000 events/s, or ≥ 0.8× the raw-insert ceiling',
      measured: `${int(eps)} events/s; ${Number.isFinite(x) ? `${ratio(x)}× the ceiling (${int(ceiling?.eventsPerSecond ?? 0)} events/s)` : 'no ceiling measured'}`,
      met: eps >= 20_000 || x >= 0.8,
    });
  }
  if (floor && hooks) {
    const x = hooks.requestsPerSecond / floor.requestsPerSecond;
    out.push({
      goal: 'signed webhooks',
      target: '≥ 0.1× the floor',
      measured: `${ratio(x)}× (${int(hooks.requestsPerSecond)} req/s)`,
      met: x >= 0.1,
    });
  }
  // The last start is the one the goal is about (npm start with its build up to date).
  const start = r.startup.at(-1);
  if (start) {
    const s = start;
    out.push({
      goal: `server start (\`${s.command}\`${s.label ? `, ${s.label}` : ''})`,
      target: '≤ 1 s; idle RSS reported',
      measured: `${int(s.readyMs)} ms to /health 200; idle RSS ${int(s.idleRssMb)} MB`,
      met: s.readyMs <= 1000,
    });
  }
  const kills = r.scenarios.filter((s) => s.group === 'kill9' && s.tally);
  if (kills.length > 0) {
    const lost = kills.reduce((sum, s) => sum + (s.tally?.lost ?? 0), 0);
    const twice = kills.reduce((sum, s) => sum + (s.tally?.countedTwice ?? 0), 0);
    const acked = kills.reduce((sum, s) => sum + (s.tally?.acknowledged ?? 0), 0);
    out.push({
      goal: 'kill -9 in the middle of a run',
      target: '0 acknowledged events or orders lost; 0 counted twice',
      measured: `${int(acked)} acknowledged before the kill: ${lost} lost, ${twice} counted twice`,
      met: lost === 0 && twice === 0 && kills.every((s) => s.tally?.ok),
    });
  }
  return out;
}

function throughputRows(r: HttpBenchResults): string[][] {
  const floor = floorOf(r);
  const ceiling = ceilingOf(r);
  return r.scenarios
    .filter((s) => s.group !== 'kill9')
    .map((s) => [
      s.label,
      int(s.requestsPerSecond),
      s.eventsPerSecond === null ? '–' : int(s.eventsPerSecond),
      s.latencyMs ? `${int(s.latencyMs.p50)} / ${int(s.latencyMs.p99)}` : '–',
      fixed(s.cpuMsPerRequest, 2),
      // Share of one core the server used: well under 100 % means it waited (on the load
      // generator, on I/O, or for a core on a busy machine), not that it ran out of CPU.
      pct((s.cpuMsPerRequest * s.requestsPerSecond) / 1000),
      int(s.rssMb),
      floor ? ratio(s.requestsPerSecond / floor.requestsPerSecond) : '–',
      floor && s.group !== 'raw' ? ratio(floor.cpuMsPerRequest / s.cpuMsPerRequest) : '–',
      ceiling?.eventsPerSecond && s.eventsPerSecond !== null
        ? ratio(s.eventsPerSecond / ceiling.eventsPerSecond)
        : '–',
    ]);
}

function accountingRows(r: HttpBenchResults): string[][] {
  return r.scenarios
    .filter((s) => s.tally)
    .map((s) => {
      const t = s.tally!;
      return [
        s.label,
        int(t.sent),
        int(t.acknowledged),
        t.unanswered ? `${t.unanswered} (${t.committedUnanswered} items committed)` : '0',
        int(t.replays),
        int(t.stored),
        String(t.lost),
        String(t.countedTwice),
        t.ok
          ? 'yes'
          : `**no**${
              t.checks.some((c) => !c.ok)
                ? ` (${t.checks
                    .filter((c) => !c.ok)
                    .map((c) => c.detail)
                    .join('; ')})`
                : ''
            }`,
      ];
    });
}

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

function startupRows(startup: StartupResult[]): string[][] {
  return startup.map((s) => [
    `\`${s.command}\`${s.label ? ` (${s.label})` : ''}`,
    int(s.listeningMs),
    int(s.readyMs),
    int(s.idleRssMb),
    int(s.treeRssMb),
  ]);
}

function profileLines(p: ProfileSummary): string[] {
  const perRequest = (ms: number) => (p.requests > 0 ? (ms / p.requests).toFixed(3) : '–');
  return [
    `Server main thread busy ${fixed(p.busyMsPerRequest, 2)} ms per request ` +
      `(${int(p.busyMs)} ms over ${int(p.requests)} requests${p.windowed ? ', samples of the measured run only' : ', whole process'}). Self time by area:`,
    '',
    ...table(
      ['area', 'ms / request', 'share'],
      p.areas.map((a) => [a.name, perRequest(a.ms), pct(a.share)]),
    ),
    '',
    'By where the code lives:',
    '',
    ...table(
      ['code', 'ms / request', 'share'],
      p.groups.map((g) => [`\`${g.name}\``, perRequest(g.ms), pct(g.share)]),
    ),
    '',
    'Top functions by self time:',
    '',
    ...table(
      ['function', 'ms / request', 'share'],
      p.functions.map((f) => [`\`${f.name}\``, perRequest(f.ms), pct(f.share)]),
    ),
  ];
}

export function formatHttpMarkdown(r: HttpBenchResults, machine: MachineInfo, command: string) {
  const o = r.options;
  const ceiling = ceilingOf(r);
  return [
    `Measured ${machine.date} with \`${command}\`.`,
    '',
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, Node ${machine.node}; ` +
      `1-minute load average at start ${machine.loadAverage}. autocannon, ${o.connections} connections on ` +
      `127.0.0.1, ${o.durationSec} s per scenario after ${o.warmupSec} s of warm-up, each server in its own ` +
      `process${o.freshServers ? ' started for its scenario' : ''}; one libSQL file for the whole run; ` +
      `unit keys ${o.unitKeys === 'random' ? 'scattered as checkout tokens are' : 'in order'}. ` +
      `Ceiling = the best raw-insert rate of this run${ceiling ? ` (${ceiling.label}, ${int(ceiling.eventsPerSecond ?? 0)} events/s)` : ''}.`,
    '',
    ...table(
      [
        'scenario',
        'req/s',
        'events/s',
        'p50 / p99 ms',
        'server CPU ms / req',
        'server busy',
        'peak RSS MB',
        '× floor',
        '× floor by CPU',
        '× ceiling',
      ],
      throughputRows(r),
    ),
    '',
    '**Goals**',
    '',
    ...table(
      ['goal', 'target', 'measured', 'status'],
      goals(r).map((g) => [
        g.goal,
        g.target,
        g.measured,
        g.met === null ? '–' : g.met ? 'met' : '**not met**',
      ]),
    ),
    '',
    '**Accepted vs stored** (events, or orders for webhooks; "unanswered" requests were in flight at the end or at the kill and were retried with the same ids)',
    '',
    ...table(
      [
        'scenario',
        'sent',
        'acknowledged',
        'unanswered requests',
        'replays',
        'stored',
        'lost',
        'counted twice',
        'accepted = stored',
      ],
      accountingRows(r),
    ),
    ...(r.startup.length > 0
      ? [
          '',
          '**Start-up** (demo mode, empty data folder)',
          '',
          ...table(
            [
              'command',
              'listening ms',
              '/health 200 ms',
              'idle RSS MB (server)',
              'RSS MB (process tree)',
            ],
            startupRows(r.startup),
          ),
        ]
      : []),
    ...(r.profile
      ? [
          '',
          '**CPU profile of the batch-3 run** (`node --cpu-prof`)',
          '',
          ...profileLines(r.profile),
        ]
      : []),
  ].join('\n');
}

export function formatHttpTerminal(r: HttpBenchResults): string {
  const head = [
    'scenario',
    'req/s',
    'events/s',
    'p50/p99',
    'cpu ms',
    'busy',
    'rss',
    '×floor',
    '×floor cpu',
    '×ceil',
  ];
  const rows = throughputRows(r);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  return [
    line(head),
    ...rows.map(line),
    '',
    ...goals(r).map((g) => `${g.met ? 'met    ' : 'NOT MET'}  ${g.goal}: ${g.measured}`),
    '',
    ...accountingRows(r).map(
      (row) =>
        `${row[0]}: sent ${row[1]}, acked ${row[2]}, stored ${row[5]}, lost ${row[6]}, twice ${row[7]}, ok ${row[8]}`,
    ),
  ].join('\n');
}
