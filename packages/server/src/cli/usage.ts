// Every command's usage text, apart from the commands: `paicha help` prints them without loading
// the server's code (each command is imported only when it runs).
import { HOUSEHOLD_SOURCES } from '@paicha/core';

export const AUDIT_USAGE = `  audit verify [--json]           校验审计日志（哈希链、封存记录、检查点）；不完整时退出码为 1 并指出第一处问题`;

export const BACKUP_USAGE = `  backup --out FILE [--json]       备份数据库、上传的文件和审计密钥到一个 .tar.gz（服务运行时也可执行）
  restore FILE [--json]            从备份恢复（须先停止服务）；原有数据移到数据目录下的 pre-restore-<时间>/`;

export const EXPORT_USAGE = `  export monthly --unit <单位名称> --period YYYY-MM --out <文件.xlsx|文件.docx> [--campaign <编号>]
  export monthly --consolidated --period YYYY-MM --out <文件.xlsx|文件.docx> [--campaign <编号>]`;

export const IMPORT_USAGE = `  import <来源> <文件.csv|文件.xlsx> [--json] [--map "表头=字段" …]   导入户数据（整个文件全部导入或全部不导入）
  import <来源>=<文件> [<来源>=<文件> …] [--json] [--map …]           一次导入多个文件，每个文件各自全部导入或全部不导入
  import <文件夹|文件> … [--json] [--map …]                        按表头（必要时按文件名）识别每个文件的来源后导入
        来源：${HOUSEHOLD_SOURCES.join(' | ')}；--map 为未识别的表头指定字段（字段为空则忽略该列）`;

export const SCREEN_USAGE =
  '  screen [--json] [--campaign <编号>]        按已启用的规则比对最新导入的数据，问题写入各街道台账';

export const CAMPAIGN_USAGE = `  campaign import <方案.docx|任务分解表.xlsx> --title 名称 [--doc-number 文号] [--report-title 月报表标题]
        [--start YYYY-MM-DD --end YYYY-MM-DD] [--due-day N] [--map "短语=单位名称" …] [--create-unit "名称:department|street" …] [--json]
        按方案的任务分解表创建工作活动；有未对应到单位的责任单位时不创建，退出码 2 并列出`;
