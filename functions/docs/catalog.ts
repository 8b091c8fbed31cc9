import type { RouteDefinition } from '../../shared/http/http-handler.ts';
import { adminRoutes } from '../admin/routes.ts';
import { agencyRoutes } from '../agencies/routes.ts';
import { calendarRoutes } from '../calendar/routes.ts';
import { commitmentRoutes } from '../commitments/routes.ts';
import { disclosureRoutes } from '../disclosures/routes.ts';
import { inboxRoutes } from '../inbox/routes.ts';
import { checkRoutes, listRoutes } from '../lists/routes.ts';
import { objectionRoutes } from '../objections/routes.ts';
import { openDataRoutes } from '../open-data/routes.ts';
import { recordRoutes } from '../records/routes.ts';
import { repairRoutes } from '../repairs/routes.ts';
import { reportRoutes } from '../reports/routes.ts';
import { statsRoutes } from '../stats/routes.ts';
import { worklistRoutes } from '../worklist/routes.ts';
import { docsRoutes } from './routes.ts';

/**
 * Route definitions are made by factories that take their use cases; describing them needs
 * only their schemas, so each factory gets a stand-in that refuses to be used.
 */
const unused = new Proxy(
  {},
  {
    get: () => () => {
      throw new Error('the documentation catalog does not run use cases');
    },
  },
) as never;

// biome-ignore lint/suspicious/noExplicitAny: route definitions of every schema type
export function routeCatalog(): Record<string, RouteDefinition<any, any, any>> {
  return {
    ...calendarRoutes(unused),
    ...recordRoutes(unused, unused),
    ...disclosureRoutes(unused),
    ...objectionRoutes(unused),
    ...repairRoutes(unused, unused),
    ...statsRoutes(unused),
    ...adminRoutes(unused),
    ...worklistRoutes(unused),
    ...agencyRoutes(unused),
    ...inboxRoutes(unused),
    ...openDataRoutes(unused),
    ...listRoutes(unused),
    ...checkRoutes(unused, unused),
    ...commitmentRoutes(unused),
    ...reportRoutes(unused),
    ...docsRoutes(() => ({})),
  };
}
