import { parseArgs } from 'node:util';
import { AppError } from '@paicha/core';
import type { Config } from '../kernel/config.js';
import { verifyAudit } from '../modules/audit/audit-verify.js';
import { openRuntime } from '../runtime.js';
import { AUDIT_USAGE } from './usage.js';

/** paicha audit verify [--json]: exit 0 when the log is intact, 1 naming the first bad row. */
export async function auditCommand(args: string[], config?: Config): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') {
    console.error(`用法：\n${AUDIT_USAGE}`);
    return 1;
  }
  const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } } });
  let runtime: Awaited<ReturnType<typeof openRuntime>>;
  try {
    runtime = await openRuntime(config ? { config } : {});
  } catch (err) {
    // A key that does not match the seal: nothing can be verified with it.
    if (!(err instanceof AppError)) throw err;
    console.error(`审计日志校验失败：${err.message}`);
    return 1;
  }
  try {
    const v = await verifyAudit(runtime.ctx);
    if (values.json) console.log(JSON.stringify(v));
    else if (v.ok) console.log(`审计日志完整：共 ${v.rows} 行，最后一行 id=${v.lastId ?? '无'}`);
    else
      console.error(
        `审计日志校验失败：${v.failure?.id === null ? '' : `第 ${v.failure?.id} 行，`}${v.failure?.reason}`,
      );
    return v.ok ? 0 : 1;
  } finally {
    await runtime.close();
  }
}
