import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCitizen } from '../auth/plugin.ts';
import { contextOf } from '../context.ts';
import { contactDetailsSchema, contactDetailsUpdateSchema, sinkDeliveriesSchema } from './contract.ts';
import { getContactDetails, listSinkDeliveries, updateContactDetails } from './service.ts';

/** The citizen's notification settings; in demo mode also the development sink's deliveries. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/patient/contact-details',
    {
      schema: {
        tags: ['patient'],
        summary: "The logged-in citizen's own e-mail, mobile number and how they want to hear of new messages",
        response: { 200: contactDetailsSchema },
      },
    },
    async (request) => getContactDetails(contextOf(request), requireCitizen(request)),
  );
  app.put(
    '/api/patient/contact-details',
    {
      schema: {
        tags: ['patient'],
        summary:
          'Save the own contact details. An address left out is kept, null removes it; mobile numbers are Swedish (07X… or +467X…) and stored as +467…; a channel cannot be on without its address (422 contact_address_required)',
        body: contactDetailsUpdateSchema,
        response: { 200: contactDetailsSchema },
      },
    },
    async (request) => updateContactDetails(contextOf(request), requireCitizen(request), request.body),
  );

  // The demo page /utskick. Not registered at all outside demo mode, so it answers 404 like any unknown address.
  if (!app.deps.config.demoMode) return;
  app.get(
    '/api/dev/notifications',
    {
      schema: {
        tags: ['demo'],
        summary: 'Demo mode only: the latest 50 notifications the development sink took instead of sending them',
        response: { 200: sinkDeliveriesSchema },
      },
    },
    async () => ({ deliveries: await listSinkDeliveries(app.deps.db.db, app.deps.config.notifications.publicUrl) }),
  );
};
