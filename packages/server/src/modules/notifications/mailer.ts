// Optional reminder mail through the SMTP server in PAICHA_SMTP_URL (smtp://user:pass@host:port).
// Only notifications this process just created are mailed, so two processes never mail twice.
import nodemailer from 'nodemailer';
import type { AppContext } from '../../kernel/context.js';
import { mailRecipientsOf } from '../users/users.repository.js';
import { markEmailed } from './notifications.repository.js';

export async function sendReminderMail(
  ctx: AppContext,
  created: { id: number; unitId: number; title: string; body: string }[],
): Promise<number> {
  if (!ctx.config.smtpUrl || created.length === 0) return 0;
  const unitIds = [...new Set(created.map((c) => c.unitId))];
  const users = await mailRecipientsOf(ctx.db, unitIds);
  if (users.length === 0) return 0;
  const transport = nodemailer.createTransport(ctx.config.smtpUrl);
  let sent = 0;
  try {
    for (const n of created) {
      const to = users.filter((u) => u.unitId === n.unitId).map((u) => u.email);
      if (to.length === 0) continue;
      await transport.sendMail({
        from: ctx.config.mailFrom,
        to,
        subject: n.title,
        text: `${n.title}\n\n${n.body}\n\n（本邮件由问题大排查系统自动发送，请登录系统办理。）`,
      });
      await markEmailed(ctx.db, n.id, ctx.clock.now().toISOString());
      sent++;
    }
  } finally {
    transport.close();
  }
  return sent;
}
