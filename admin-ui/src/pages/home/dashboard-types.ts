// The dashboard's shapes come from the server itself (types only: nothing is bundled), so the
// home page cannot drift from what GET /api/admin/dashboard answers.
export type {
  CheckoutFunnel,
  Dashboard,
  DashboardOffer,
  DashboardSetup,
  DashboardTotals,
  MeasurementState,
  MoneyEstimate,
  SetupStep,
  SetupStepKey,
} from '../../../../server/domain/dashboard-types.js';
