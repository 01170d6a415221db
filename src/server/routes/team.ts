/**
 * The team's devices and settings, and the device's own security events for the audit
 * log. Revoking a device is how a lost phone is wiped: its next request answers 401 with
 * `wipe: true`. Thin over services/team-admin.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportQuerySchema, reportSchema } from '../../shared/api/reports';
import { viewReport } from '../services/reports';
import { auditEventRequestSchema, auditQuerySchema, idParamsSchema, listAuditResponseSchema, listDevicesResponseSchema, teamDeviceSchema, teamSettingsSchema, updateTeamRequestSchema } from '../../shared/api/admin';
import { listDevices, recordAuditEvent, revokeTeamDevice, updateTeam, viewAudit } from '../services/team-admin';
import type { RouteDeps } from './context';
import { actorOf, authGuard, errorResponses } from './context';

/** A device reports a handful of events a minute at most; more is noise in the audit log. */
const AUDIT_EVENTS_PER_MINUTE = 60;

export const teamRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get(
    '/api/devices',
    { onRequest: authGuard(deps), schema: { response: { 200: listDevicesResponseSchema, ...errorResponses } } },
    async (request) => listDevices(deps.storage, actorOf(request)),
  );

  app.post(
    '/api/devices/:id/revoke',
    { onRequest: authGuard(deps), schema: { params: idParamsSchema, response: { 200: teamDeviceSchema, ...errorResponses } } },
    async (request) => revokeTeamDevice(deps.storage, actorOf(request), request.params.id, deps.now()),
  );

  app.patch(
    '/api/team',
    { onRequest: authGuard(deps), schema: { body: updateTeamRequestSchema, response: { 200: teamSettingsSchema, ...errorResponses } } },
    async (request) => updateTeam(deps.storage, actorOf(request), request.body),
  );

  app.get(
    '/api/audit',
    { onRequest: authGuard(deps), schema: { querystring: auditQuerySchema, response: { 200: listAuditResponseSchema, ...errorResponses } } },
    async (request) => viewAudit(deps.storage, actorOf(request), request.query),
  );

  app.get(
    '/api/reports',
    { onRequest: authGuard(deps), schema: { querystring: reportQuerySchema, response: { 200: reportSchema, ...errorResponses } } },
    async (request) => viewReport(deps.storage, actorOf(request), request.query),
  );

  app.post(
    '/api/audit/events',
    {
      onRequest: authGuard(deps),
      config: { rateLimit: { max: AUDIT_EVENTS_PER_MINUTE, timeWindow: 60_000 } },
      schema: { body: auditEventRequestSchema, response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await recordAuditEvent(deps.storage, actorOf(request), request.body);
      return reply.code(204).send(null);
    },
  );
};
