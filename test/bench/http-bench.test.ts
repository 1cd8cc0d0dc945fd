import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatHttpMarkdown, goals } from '../../scripts/bench/http/http-table.js';
import {
  type HttpBenchResults,
  runHttpBench,
  SCENARIOS,
} from '../../scripts/bench/http/run-http-bench.js';
import { describeMachine } from '../../scripts/bench/machine.js';

/**
 * A tiny run of the HTTP ingestion bench (`npm run bench -- --suite http`) so the harness cannot
 * rot: every scenario for about a second with a few connections at 100 requests/s (the kill runs
 * at full speed, so the kill lands among requests in flight), real server processes, real HTTP, a
 * real kill -9. It checks the shape of the results and the accounting — every
 * acknowledged item stored, each stored item accepted exactly once — never the speed: figures
 * belong to the bench, not to tests.
 */
const dir = mkdtempSync(join(tmpdir(), 'closer-http-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HTTP ingestion bench, smoke run', () => {
  let results: HttpBenchResults;

  test('runs every scenario, the CPU profile and the start-up measure', {
    timeout: 180_000,
  }, async () => {
    results = await runHttpBench({
      // autocannon ends a run on its 1 s tick: 0.5 s makes that the first tick.
      durationSec: 0.5,
      warmupSec: 0,
      connections: 4,
      rate: 100,
      killAfterSec: 0.5,
      profile: true,
      startup: 'entry',
      // The bench's default is in order; the smoke run takes the other path through the accounting.
      unitKeys: 'random',
      scenarios: SCENARIOS,
      freshServers: false,
      dir,
      log: () => {},
    });
    expect(results.scenarios.map((s) => s.key)).toEqual([...SCENARIOS]);
  });

  test('each scenario answered requests and reports rate, CPU and memory', () => {
    for (const s of results.scenarios) {
      expect(s.requestsPerSecond, s.key).toBeGreaterThan(0);
      expect(s.rssMb, s.key).toBeGreaterThan(0);
      if (s.group === 'kill9') continue;
      expect(s.cpuMsPerRequest, s.key).toBeGreaterThan(0);
      expect(s.non2xx, s.key).toBe(0);
      if (s.group === 'raw') expect(s.latencyMs, s.key).toBeNull();
      else expect(s.latencyMs?.p99, s.key).toBeGreaterThanOrEqual(s.latencyMs?.p50 ?? 0);
      expect(s.eventsPerSecond === null, s.key).toBe(s.batch === null);
    }
  });

  test('accepted = stored in every scenario that writes: none lost, none counted twice', () => {
    const writing = results.scenarios.filter((s) => s.group !== 'floor');
    expect(writing.length).toBe(10);
    for (const s of writing) {
      const t = s.tally;
      expect(t, s.key).not.toBeNull();
      if (!t) continue;
      expect(t.sent, s.key).toBeGreaterThan(0);
      expect(t.lost, s.key).toBe(0);
      expect(t.stored, s.key).toBe(t.sent);
      expect(t.countedTwice, s.key).toBe(0);
      expect(t.uncounted, s.key).toBe(0);
      expect(t.accepted + t.committedUnanswered, s.key).toBe(t.stored);
      expect(
        t.checks.filter((c) => !c.ok).map((c) => c.detail),
        s.key,
      ).toEqual([]);
      expect(t.ok, s.key).toBe(true);
    }
    // The replay run re-sent acknowledged batches, and the answers called them duplicates.
    const replays = results.scenarios.find((s) => s.key === 'events-3-replays')?.tally;
    expect(replays?.replays).toBeGreaterThan(0);
    expect(replays?.duplicatesReported).toBeGreaterThanOrEqual(replays?.replays ?? 1);
  });

  test('the profile, start-up and the markdown report are filled in', () => {
    expect(results.profile?.requests).toBeGreaterThan(0);
    expect(results.profile?.groups.length).toBeGreaterThan(0);
    expect(results.profile?.functions.length).toBeGreaterThan(0);
    expect(results.startup).toHaveLength(1);
    expect(results.startup[0]?.readyMs).toBeGreaterThan(0);
    expect(results.startup[0]?.idleRssMb).toBeGreaterThan(0);
    expect(goals(results).map((g) => g.goal)).toEqual([
      'events at batch 3 over HTTP',
      'events at batch 50',
      'signed webhooks',
      'server start (`node --import tsx server/main.ts`, source entry)',
      'kill -9 in the middle of a run',
    ]);
    const markdown = formatHttpMarkdown(results, describeMachine(), 'npm test');
    for (const s of results.scenarios) expect(markdown).toContain(s.label);
  });
});
