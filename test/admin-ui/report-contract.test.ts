import { describe, expectTypeOf, test } from 'vitest';
import type { ExperimentReport, ShopSettings } from '../../admin-ui/src/api/types.js';
import type { ShopSettings as ServerShopSettings } from '../../drizzle/schema.js';
import type { buildExperimentReport } from '../../server/domain/experiment-report.js';

type ServerReport = Awaited<ReturnType<typeof buildExperimentReport>>;

// Checked by `tsc --noEmit` (the runtime assertions are no-ops): if the server's report or
// settings change shape, the admin UI's hand-written contract stops compiling here.
describe('admin UI types match the server', () => {
  test('the server report fits the UI report type', () => {
    expectTypeOf<ServerReport>().toExtend<ExperimentReport>();
  });

  test('the UI report type asks for no field the server does not send', () => {
    expectTypeOf<ExperimentReport>().toExtend<ServerReport>();
  });

  test('shop settings are the same on both sides', () => {
    expectTypeOf<ShopSettings>().toEqualTypeOf<ServerShopSettings>();
  });
});
