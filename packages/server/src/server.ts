import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { AppError } from '@paicha/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { frameworkErrors, registerErrorHandling } from './http/errors.js';
import { registerNulGuard } from './http/no-nul.js';
import { registerAccessPolicy } from './http/policy.js';
import type { AppContext } from './kernel/context.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { registerAuthentication } from './modules/auth/authenticate.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { campaignRoutes } from './modules/campaigns/campaigns.routes.js';
import { planImportRoutes } from './modules/campaigns/plan-import/plan-import.routes.js';
import { structureRoutes } from './modules/campaigns/structure.routes.js';
import { exportRoutes } from './modules/exports/exports.routes.js';
import { fileRoutes } from './modules/files/files.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { householdFindingRoutes } from './modules/households/findings/findings.routes.js';
import { householdImportRoutes } from './modules/households/import/imports.routes.js';
import { householdScreeningRoutes } from './modules/households/screening/screening.routes.js';
import { findingVerificationRoutes } from './modules/households/verification/verification.routes.js';
import { inspectionRoutes } from './modules/inspections/inspections.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { problemRoutes } from './modules/problems/problems.routes.js';
import { batchRoutes } from './modules/problems/problems-batch.routes.js';
import { ledgerRoutes } from './modules/problems/problems-ledger.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { submissionRoutes } from './modules/submissions/submissions.routes.js';
import { circularRoutes } from './modules/supervision/circulars.routes.js';
import { supervisionRoutes } from './modules/supervision/supervision.routes.js';
import { unitRoutes } from './modules/units/units.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { workbenchRoutes } from './modules/workbench/workbench.routes.js';

// Validation messages reach clerks: have zod speak Chinese.
z.config(z.locales.zhCN());

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: ctx.config.logLevel === 'silent' ? false : { level: ctx.config.logLevel },
    bodyLimit: ctx.config.bodyLimit,
    // Behind a proxy the operator sets PAICHA_TRUST_PROXY so rate limits see the client's address.
    trustProxy: ctx.config.trustProxy,
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its CSS-in-JS into <style> tags.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    // One file per request; the size check reports in Chinese via part.file.truncated.
    limits: { fileSize: ctx.config.uploadLimitBytes, files: 1, fields: 10 },
    throwFileSizeLimit: false,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'paicha 问题大排查 API',
        version: '0.1.0',
        description: '错误格式：{"error":{"code","message"}}',
      },
    },
    transform: jsonSchemaTransform,
  });
  // Sessions first, then the gate: every route registered after this is authenticated unless public.
  registerAuthentication(app, ctx);
  registerAccessPolicy(app);
  registerNulGuard(app);
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(healthRoutes);
  await app.register(authRoutes(ctx));
  await app.register(unitRoutes(ctx));
  await app.register(userRoutes(ctx));
  await app.register(planImportRoutes(ctx));
  await app.register(campaignRoutes(ctx));
  await app.register(structureRoutes(ctx));
  await app.register(fileRoutes(ctx));
  await app.register(ledgerRoutes(ctx));
  await app.register(problemRoutes(ctx));
  await app.register(batchRoutes(ctx));
  await app.register(settingsRoutes(ctx));
  await app.register(calendarRoutes(ctx));
  await app.register(notificationRoutes(ctx));
  await app.register(inspectionRoutes(ctx));
  await app.register(reportRoutes(ctx));
  await app.register(exportRoutes(ctx));
  await app.register(submissionRoutes(ctx));
  await app.register(supervisionRoutes(ctx));
  await app.register(circularRoutes(ctx));
  await app.register(householdImportRoutes(ctx));
  await app.register(householdScreeningRoutes(ctx));
  await app.register(householdFindingRoutes(ctx));
  await app.register(findingVerificationRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(workbenchRoutes(ctx));
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );

  const hasWeb = existsSync(ctx.config.webDist);
  if (hasWeb) await app.register(fastifyStatic, { root: ctx.config.webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: unknown non-API paths get its index page.
    // A missing built asset is a real 404 (a page shell in its place would fail silently).
    const isPage = !request.url.startsWith('/api') && !request.url.startsWith('/assets/');
    if (hasWeb && request.method === 'GET' && isPage) return reply.sendFile('index.html');
    const err = new AppError('not_found', `接口不存在：${request.method} ${request.url.split('?')[0]}`);
    return reply.status(404).send(err.toBody());
  });
  return app;
}
