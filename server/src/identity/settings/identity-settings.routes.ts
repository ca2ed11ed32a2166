/** HTTP routes for the workspace's identity-resolution settings. */
import type { App } from '../../platform/http/app-types.js';
import { ctxOf } from '../../platform/http/ctx.js';
import { ERROR_RESPONSES } from '../../platform/http/schemas.js';
import type { AppDeps } from '../../platform/module.js';
import { IdentitySettings, IdentitySettingsInput } from './identity-settings.schema.js';
import { identitySettingsOf, putIdentitySettings } from './identity-settings.service.js';

const tags = ['identity'];

export function identitySettingsRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/v1/identity/settings',
    {
      schema: { tags, summary: 'How identities are resolved in this workspace', response: { 200: IdentitySettings, ...ERROR_RESPONSES } },
      config: { guard: 'viewer' },
    },
    async (request) => identitySettingsOf(db, ctxOf(request, db).workspaceId),
  );
  app.put(
    '/api/v1/identity/settings',
    {
      schema: {
        tags,
        summary: 'Choose identifier fields and whether unknown e-mail senders become contacts',
        body: IdentitySettingsInput,
        response: { 200: IdentitySettings, ...ERROR_RESPONSES },
      },
      config: { guard: 'admin' },
    },
    async (request) => putIdentitySettings(ctxOf(request, db), db, request.body),
  );
}
