import type { FastifyPluginAsync } from 'fastify';
import { accessLogRoutes } from '../features/access-log/routes.ts';
import { staffAppointmentRoutes } from '../features/appointments/staff-routes.ts';
import { adminAppointmentRoutes } from '../features/appointments/admin-routes.ts';
import { adminOverviewRoutes } from '../features/admin-overview/routes.ts';
import { careUnitRoutes } from '../features/care-units/routes.ts';
import { caseTypeRoutes } from '../features/case-types/routes.ts';
import { eserviceRoutes } from '../features/e-services/routes.ts';
import { patientLookupRoutes } from '../features/patient-lookup/routes.ts';
import { unitAdministratorRoutes } from '../features/unit-administrators/routes.ts';
import { unitImportRoutes } from '../features/unit-import/routes.ts';
import { caseRoutes } from '../features/cases/routes.ts';
import { chatRoutes } from '../features/chat/routes.ts';
import { triageRoutes } from '../features/triage/routes.ts';
import { selfMonitoringRoutes } from '../features/self-monitoring/routes.ts';
import { patientAppointmentRoutes } from '../features/appointments/patient-routes.ts';
import { meetingRoutes } from '../features/meetings/routes.ts';
import { meetingPresenceRoutes } from '../features/meetings/presence-routes.ts';
import { dropinRoutes } from '../features/meetings/dropin-routes.ts';
import { notificationRoutes } from '../platform/notifications/routes.ts';
import { realtimeRoutes } from '../platform/realtime/routes.ts';

/** Every feature's routes. A new feature adds itself here. */
export const features: FastifyPluginAsync[] = [patientLookupRoutes, accessLogRoutes, adminOverviewRoutes, careUnitRoutes, eserviceRoutes, caseTypeRoutes, unitAdministratorRoutes, unitImportRoutes, notificationRoutes, caseRoutes, realtimeRoutes, triageRoutes, chatRoutes, selfMonitoringRoutes, staffAppointmentRoutes, adminAppointmentRoutes, patientAppointmentRoutes, meetingRoutes, meetingPresenceRoutes, dropinRoutes];
