import { startAuditMonitor } from './modules/audit/audit-monitor.js';
import { markServerRunning } from './modules/backup/server-lock.js';
import { scheduleHousekeeping } from './modules/housekeeping/housekeeping.js';
import { scheduleReminders } from './modules/notifications/reminders.js';
import { openRuntime } from './runtime.js';
import { buildApp } from './server.js';

const runtime = await openRuntime();
const { ctx, seedResult } = runtime;
// `paicha restore` refuses to swap the data from under a running server.
markServerRunning(ctx.config.dataDir, ctx.clock.now().toISOString());
if (seedResult.generatedAdminPassword) {
  // Printed once, on the start that created the account; it is stored only as an argon2id hash.
  console.log(
    `\n首次启动：管理员账号 admin 的初始密码为  ${seedResult.generatedAdminPassword}\n请登录后立即在“修改密码”中更改。\n`,
  );
}
const app = await buildApp(ctx);
const stopReminders =
  ctx.config.reminderIntervalMinutes > 0
    ? scheduleReminders(ctx, ctx.config.reminderIntervalMinutes, (err) =>
        app.log.error({ err }, 'reminder run failed'),
      )
    : () => {};
const stopHousekeeping = scheduleHousekeeping(ctx, ctx.config.housekeepingIntervalMinutes, {
  done: (r) => {
    const retired = r.imports.length + r.screeningRuns.length;
    if (retired > 0)
      app.log.warn({ imports: r.imports, screeningRuns: r.screeningRuns }, 'retired dead jobs');
    app.log.info(r, 'housekeeping done');
  },
  failed: (err) => app.log.error({ err }, 'housekeeping failed'),
});
let stopAuditMonitor = () => {};
const shutdown = async () => {
  stopReminders();
  stopHousekeeping();
  stopAuditMonitor();
  await app.close();
  await runtime.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
await app.listen({ port: ctx.config.port, host: ctx.config.host });
console.log(
  `paicha 已启动：http://${ctx.config.host}:${(app.server.address() as { port: number }).port}  （数据库：${ctx.dialect}）`,
);
// After listen: a large audit log is verified while the server already answers.
stopAuditMonitor = startAuditMonitor(ctx, {
  info: (msg) => app.log.info(msg),
  error: (msg) => app.log.error(msg),
});
