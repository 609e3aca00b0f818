import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { DialectName } from './database.js';
import { initialMigration } from './migrations/2026-11-28-001-initial.js';
import { problemsMigration } from './migrations/2026-11-28-002-problems.js';
import { reportsMigration } from './migrations/2026-11-28-003-reports.js';
import { householdsMigration } from './migrations/2026-11-28-004-households.js';
import { supervisionMigration } from './migrations/2026-11-28-005-supervision.js';
import { circularsMigration } from './migrations/2026-11-28-006-circulars.js';
import { screeningOwnerMigration } from './migrations/2026-11-28-007-screening-owner.js';
import { inspectionVersionMigration } from './migrations/2026-11-28-008-inspection-version.js';
import { ledgerSearchMigration } from './migrations/2026-12-03-009-ledger-search.js';
import { loginLimitsMigration } from './migrations/2026-12-03-010-login-limits.js';
import { auditAnchorMigration } from './migrations/2026-12-03-011-audit-anchor.js';
import { housekeepingMigration } from './migrations/2026-12-03-016-housekeeping.js';
import { ledgerStampMigration } from './migrations/2026-12-03-017-ledger-stamp.js';
import { ledgerBigramsMigration } from './migrations/2026-12-03-018-ledger-bigrams.js';
import { campaignChoiceMigration } from './migrations/2026-12-03-019-campaign-choice.js';
import { workbenchMigration } from './migrations/2026-12-03-021-workbench.js';
import { reportSnapshotsMigration } from './migrations/2026-12-03-022-report-snapshots.js';
import { immediateDeadlinesMigration } from './migrations/2026-12-03-023-immediate-deadlines.js';
import { auditFiltersMigration } from './migrations/2026-12-03-024-audit-filters.js';
import { findingVerificationMigration } from './migrations/2026-12-03-025-finding-verification.js';
import { findingGroupsMigration } from './migrations/2026-12-03-026-finding-groups.js';
import { screeningTalliesMigration } from './migrations/2026-12-03-027-screening-tallies.js';
import { campaignDocNumberMigration } from './migrations/2026-12-04-030-campaign-doc-number.js';
import { campaignStructureMigration } from './migrations/2026-12-04-035-campaign-structure.js';
import { workCalendarMigration } from './migrations/2026-12-04-040-work-calendar.js';
import { screeningRunFindingsMigration } from './migrations/2026-12-04-045-screening-run-findings.js';
import { exportLeasesMigration } from './migrations/2026-12-04-050-export-leases.js';
import { ledgerGramsMigration } from './migrations/2026-12-04-051-ledger-grams-pg.js';
import { ledgerGramsCostMigration } from './migrations/2026-12-04-052-ledger-grams-cost.js';
import { notificationEntityMigration } from './migrations/2026-12-04-055-notification-entity.js';
import { findingGroupsIndexMigration } from './migrations/2026-12-04-060-finding-groups-index.js';
import { calendarStampMigration } from './migrations/2026-12-04-160-calendar-stamp.js';
import type { DB } from './schema.js';

/**
 * Migrations are code, listed here in order. Each receives the dialect because the few
 * things SQL spells differently (auto-increment ids) must be spelled per database.
 */
function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '2026-11-28-001-initial': initialMigration(dialect),
    '2026-11-28-002-problems': problemsMigration(dialect),
    '2026-11-28-003-reports': reportsMigration(dialect),
    '2026-11-28-004-households': householdsMigration(dialect),
    '2026-11-28-005-supervision': supervisionMigration(dialect),
    '2026-11-28-006-circulars': circularsMigration(dialect),
    '2026-11-28-007-screening-owner': screeningOwnerMigration(),
    '2026-11-28-008-inspection-version': inspectionVersionMigration(),
    '2026-12-03-009-ledger-search': ledgerSearchMigration(dialect),
    '2026-12-03-010-login-limits': loginLimitsMigration(),
    '2026-12-03-011-audit-anchor': auditAnchorMigration(),
    '2026-12-03-016-housekeeping': housekeepingMigration(),
    '2026-12-03-017-ledger-stamp': ledgerStampMigration(dialect),
    '2026-12-03-018-ledger-bigrams': ledgerBigramsMigration(dialect),
    '2026-12-03-025-finding-verification': findingVerificationMigration(dialect),
    '2026-12-03-019-campaign-choice': campaignChoiceMigration(),
    '2026-12-03-021-workbench': workbenchMigration(),
    '2026-12-03-026-finding-groups': findingGroupsMigration(),
    '2026-12-03-024-audit-filters': auditFiltersMigration(),
    '2026-12-03-022-report-snapshots': reportSnapshotsMigration(),
    '2026-12-03-023-immediate-deadlines': immediateDeadlinesMigration(dialect),
    '2026-12-03-027-screening-tallies': screeningTalliesMigration(),
    '2026-12-04-045-screening-run-findings': screeningRunFindingsMigration(),
    '2026-12-04-050-export-leases': exportLeasesMigration(dialect),
    '2026-12-04-055-notification-entity': notificationEntityMigration(),
    '2026-12-04-030-campaign-doc-number': campaignDocNumberMigration(),
    '2026-12-04-040-work-calendar': workCalendarMigration(),
    '2026-12-04-051-ledger-grams-pg': ledgerGramsMigration(dialect),
    '2026-12-04-052-ledger-grams-cost': ledgerGramsCostMigration(dialect),
    '2026-12-04-035-campaign-structure': campaignStructureMigration(dialect),
    '2026-12-04-060-finding-groups-index': findingGroupsIndexMigration(),
    '2026-12-04-160-calendar-stamp': calendarStampMigration(dialect),
  };
}

export async function migrateToLatest(db: Kysely<DB>, dialect: DialectName): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  // Areas add their migrations independently; a data dir that ran a later-dated one first
  // must still accept an earlier-dated newcomer.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
