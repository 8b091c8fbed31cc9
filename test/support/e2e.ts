import { test as base } from 'vitest';
import { createDocumentClient, type Store } from '../../shared/store/client.ts';
import { startTestService, type TestService, type TestServiceOptions } from './local-service.ts';
import {
  anAgencyParty,
  anEntityParty,
  aPersonParty,
  type Party,
  type PersonParty,
  type WorkflowClient,
  workflowClient,
} from './workflow-mothers.ts';

export { describe, expect } from 'vitest';
export type { Party, PersonParty, TestService, WorkflowClient };

/** Parties with tokens for this file's service: a fresh code unless the test names one. */
export interface Parties {
  agency(code?: string): Promise<Party>;
  entity(code?: string): Promise<Party>;
  /** A natural person, by resident ID number (a fresh valid one unless given). */
  person(idNumber?: string): Promise<PersonParty>;
}

/** Every fixture of `it`, for helpers that take some of them: `(w: Pick<World, 'api' | 'agency'>)`. */
export interface World {
  readonly service: TestService;
  readonly api: WorkflowClient;
  readonly parties: Parties;
  readonly agency: Party;
  readonly otherAgency: Party;
  readonly entity: Party;
  readonly otherEntity: Party;
  readonly person: PersonParty;
  readonly otherPerson: PersonParty;
  readonly admin: string;
  readonly store: Store;
}

/** Services this module instance started: vitest imports it afresh for each test file. */
let servicesStarted = 0;

/*
 * The e2e world as fixtures (CONVENTIONS.md: one fixture, never a copied beforeAll):
 *
 *   it('…', async ({ api, agency, entity }) => { … });
 *
 * `service`  the local service in process, on a table of its own in the shared DynamoDB Local
 * `api`      the workflow client (what the agency, the entity, the admin and the public do)
 * `agency`, `otherAgency`, `entity`, `otherEntity`   fresh parties with their tokens
 * `person`, `otherPerson`   fresh natural persons with tokens bound to their ID numbers
 * `parties`  more parties, or ones with a fixed code: `parties.agency(AGENCY)`
 * `admin`    an admin token
 * `store`    the service's table, straight, for what HTTP cannot show
 *
 * Every fixture is file-scoped and lazy: made when a test (or an `it.beforeAll`) of the file
 * first names it, shared by the file's later tests, torn down after the file. So a test may
 * read what an earlier one registered, and data a whole file works on is built in
 * `it.beforeAll(async ({ api, agency }) => …)`.
 *
 * One service per file, because the handler modules read TABLE_NAME once, at import: a second
 * start in a file throws. A file may add fixtures of its own (`const it = e2e.extend(…)`) but
 * must then use only that `it`, since each `extend` keeps file fixtures of its own. To give a
 * file's tests a party with a fixed code, `it.override('agency', ({ parties }) => …)` at its top.
 */
export const it = base
  // How the file's service starts: `it.override('serviceOptions', { mailUrl })` at a file's top.
  .extend('serviceOptions', { scope: 'file' }, (): TestServiceOptions => ({}))
  .extend('service', { scope: 'file' }, async ({ serviceOptions }, { onCleanup }): Promise<TestService> => {
    if (++servicesStarted > 1) throw new Error('a second service in one test file: use one `it` per file');
    const service = await startTestService(serviceOptions);
    onCleanup(() => service.stop());
    return service;
  })
  .extend('api', { scope: 'file' }, ({ service }): WorkflowClient => workflowClient(service))
  .extend(
    'parties',
    { scope: 'file' },
    ({ service }): Parties => ({
      agency: (code) => anAgencyParty(service, code),
      entity: (code) => anEntityParty(service, code),
      person: (idNumber) => aPersonParty(service, idNumber),
    }),
  )
  .extend('agency', { scope: 'file' }, ({ parties }) => parties.agency())
  .extend('otherAgency', { scope: 'file' }, ({ parties }) => parties.agency())
  .extend('entity', { scope: 'file' }, ({ parties }) => parties.entity())
  .extend('otherEntity', { scope: 'file' }, ({ parties }) => parties.entity())
  .extend('person', { scope: 'file' }, ({ parties }) => parties.person())
  .extend('otherPerson', { scope: 'file' }, ({ parties }) => parties.person())
  .extend('admin', { scope: 'file' }, ({ service }) => service.token('--role admin'))
  .extend('store', { scope: 'file' }, ({ service }, { onCleanup }): Store => {
    const store = {
      client: createDocumentClient({ endpoint: service.dynamodbEndpoint }),
      tableName: service.tableName,
    };
    onCleanup(() => store.client.destroy());
    return store;
  });

export const test = it;
