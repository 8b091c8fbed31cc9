import { httpHandler } from '../../shared/http/http-handler.ts';
import { buildOpenApi } from '../../shared/http/openapi.ts';
import { routeCatalog } from './catalog.ts';
import { docsRoutes } from './routes.ts';

// Built once per instance: the document is a function of the code, not of the data.
const document = buildOpenApi(routeCatalog());

export const handler = httpHandler(
  'docs',
  docsRoutes(() => document),
);
