// paicha <command>: scripted set-up and batch work, on the same data dir / DATABASE_URL as the server.
import { parseArgs } from 'node:util';
import { AppError } from '@paicha/core';
import {
  AUDIT_USAGE,
  BACKUP_USAGE,
  CAMPAIGN_USAGE,
  EXPORT_USAGE,
  IMPORT_USAGE,
  SCREEN_USAGE,
} from './cli/usage.js';

const USAGE = `用法：paicha <命令>
  migrate                         执行数据库迁移（服务启动时也会自动执行）
  user add --username U --unit <单位名称> --role <角色> [--display-name 名称] --password-stdin
  user list [--json]
  user unlock --username U        解除该用户的登录限制（各地址的登录失败计数和修改密码计数）
  remind [--json]                 立即执行一次到期提醒（服务运行时每30分钟自动执行）
${EXPORT_USAGE}
${IMPORT_USAGE}
${SCREEN_USAGE}
${CAMPAIGN_USAGE}
${AUDIT_USAGE}
${BACKUP_USAGE}
角色：admin | leader | unit_head | reporter | inspector
数据库：默认 SQLite（PAICHA_DATA_DIR，默认 ./data）；设置 DATABASE_URL=postgres://… 使用 PostgreSQL`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  // Each command is loaded when it runs, so `paicha help` starts without the server's code.
  if (command === 'migrate') {
    parseArgs({ args: rest, options: {} });
    const { openRuntime } = await import('./runtime.js');
    const runtime = await openRuntime();
    console.log(`数据库已迁移到最新版本（${runtime.ctx.dialect}）`);
    await runtime.close();
    return 0;
  }
  if (command === 'user') return (await import('./cli/user-command.js')).userCommand(rest);
  if (command === 'remind') return (await import('./cli/remind-command.js')).remindCommand(rest);
  if (command === 'export') return (await import('./cli/export-command.js')).exportCommand(rest);
  if (command === 'import') return (await import('./cli/import-command.js')).importCommand(rest);
  if (command === 'screen') return (await import('./cli/screen-command.js')).screenCommand(rest);
  if (command === 'campaign') return (await import('./cli/campaign-command.js')).campaignCommand(rest);
  if (command === 'audit') return (await import('./cli/audit-command.js')).auditCommand(rest);
  if (command === 'backup') return (await import('./cli/backup-command.js')).backupCommand(rest);
  if (command === 'restore') return (await import('./cli/backup-command.js')).restoreCommand(rest);
  console.error(`未知命令：${command}\n\n${USAGE}`);
  return 1;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof AppError) {
    console.error(`错误：${err.message}`);
    process.exitCode = 2;
  } else if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`参数错误：${err.message}\n\n${USAGE}`);
    process.exitCode = 1;
  } else {
    console.error(err);
    process.exitCode = 1;
  }
}
