import { parseArgs } from 'node:util';
import { runReminders } from '../modules/notifications/reminders.js';
import { openRuntime } from '../runtime.js';

/** paicha remind [--json]: one reminder run (the server also runs them on a timer). */
export async function remindCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  const runtime = await openRuntime();
  try {
    const result = await runReminders(runtime.ctx);
    console.log(
      values.json ? JSON.stringify(result) : `新建提醒 ${result.created} 条，发送邮件 ${result.emailed} 封`,
    );
    return 0;
  } finally {
    await runtime.close();
  }
}
