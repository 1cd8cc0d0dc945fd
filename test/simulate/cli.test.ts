import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, test } from 'vitest';
import { parseSimulateArgs } from '../../scripts/simulate/cli-args.js';
import { resolveSimulationOptions } from '../../scripts/simulate/options.js';

/*
 * `npm run simulate` as a person types it: the real entry run through tsx in a child process
 * (its own timeout, as these do not share the runner's timer).
 */
const CHILD_TIMEOUT_MS = 30_000;

function simulate(args: string[]) {
  const run = spawnSync('node_modules/.bin/tsx', ['scripts/simulate.ts', ...args], {
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A loopback port nothing listens on: bound, read, released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('npm run simulate on the command line', () => {
  test(
    '--help prints every option with its default and exits 0',
    () => {
      const run = simulate(['--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Usage: npm run simulate -- \[options\]/);
      for (const flag of [
        '--units',
        '--lift',
        '--holdout',
        '--url',
        '--keep',
        '--skew',
        '--offer',
        '--kind',
        '--discount',
        '--redemption',
      ])
        expect(run.stdout).toContain(flag);
      expect(run.stdout).toContain('[http://127.0.0.1:3000]');
      expect(run.stdout).toContain('[Simulation]');
    },
    CHILD_TIMEOUT_MS,
  );

  test(
    'an unknown option is named, with the way to list the known ones',
    () => {
      const run = simulate(['--bogus', '1']);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("Unknown option '--bogus'");
      expect(run.stderr).toContain('npm run simulate -- --help');
    },
    CHILD_TIMEOUT_MS,
  );

  test(
    'with no server at the address, it says to start one or pass --url — not "fetch failed"',
    async () => {
      const url = `http://127.0.0.1:${await closedPort()}`;
      const run = simulate(['--url', url, '--units', '10']);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`No Closer server answered at ${url} (ECONNREFUSED)`);
      expect(run.stderr).not.toContain('fetch failed');
    },
    CHILD_TIMEOUT_MS,
  );
});

describe('parseSimulateArgs', () => {
  test('maps kebab-case flags to run options and leaves unset ones to the defaults', () => {
    expect(
      parseSimulateArgs(['--units', '50', '--refund-rate', '0.1', '--url', 'http://x:1', '--keep']),
    ).toEqual({
      help: false,
      input: expect.objectContaining({
        units: '50',
        refundRate: '0.1',
        baseUrl: 'http://x:1',
        keep: true,
        lift: undefined,
      }),
    });
    expect(parseSimulateArgs(['-h'])).toEqual({ help: true });
    expect(
      parseSimulateArgs(['--kind', 'exit_coupon', '--discount', '30', '--redemption', '0.9']),
    ).toEqual({
      help: false,
      input: expect.objectContaining({ kind: 'exit_coupon', discount: '30', redemption: '0.9' }),
    });
  });

  test('an unknown kind and a discount out of range are named by their flag', () => {
    expect(() => resolveSimulationOptions({ kind: 'popup' as never })).toThrow(/--kind:/);
    expect(() => resolveSimulationOptions({ kind: 'exit_coupon', discount: 95 })).toThrow(
      /--discount:/,
    );
    expect(resolveSimulationOptions({}).kind).toBe('cross_sell');
    // Coupons lift conversion, so conversion × (1 + lift) must stay a probability.
    expect(() =>
      resolveSimulationOptions({ kind: 'hesitation_coupon', conversion: 0.8, lift: 0.5 }),
    ).toThrow(/--lift:/);
  });
});
