import type { ApiClient } from '../../api/client.js';
import type { Dashboard } from './dashboard-types.js';
import { type DateRange, dashboardPath } from './date-range.js';

export function fetchDashboard(client: ApiClient, range: DateRange): Promise<Dashboard> {
  return client.request<Dashboard>('GET', dashboardPath(range));
}
