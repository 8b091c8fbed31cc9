import type { DomainEvent, EventType } from '../../shared/domain/events.ts';
import type { Page } from '../../shared/domain/records/ports.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { eventPage, eventsQuery } from '../../shared/schemas/oversight.ts';

export interface AdminPorts {
  events(query: {
    type?: EventType | undefined;
    limit: number;
    cursor?: string | undefined;
  }): Promise<Page<DomainEvent>>;
}

export function adminRoutes(ports: AdminPorts) {
  return {
    'GET /v1/admin/events': defineRoute({
      query: eventsQuery,
      responses: { 200: eventPage },
      run: async ({ query }) => {
        const page = await ports.events({ type: query.type, limit: query.limit ?? 50, cursor: query.cursor });
        return { body: { items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) } };
      },
    }),
  };
}
