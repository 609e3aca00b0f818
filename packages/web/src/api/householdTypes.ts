// Shapes of the household-screening routes, inferred from the schemas the server validates and
// documents with (@paicha/core/api/households, screening). Type-only imports: zod stays out of
// the web bundle.
export type {
  FieldCatalogue,
  ImportErrorPage,
  ImportErrorRow,
  ImportFilter,
  ImportJob,
  ImportPage,
  ImportStatus,
  Mapping,
  NewImport,
  UploadPreview,
} from '@paicha/core/api/households';
export type {
  Finding,
  FindingPage,
  HouseholdDetail,
  HouseholdMember,
  HouseholdSourceRecord,
  HouseholdSourceRecords,
  PlaceRouted,
  PlaceStatus,
  PlaceView,
  RuleChanges,
  RuleOutcome,
  ScreeningRuleView,
  ScreeningRun,
  ScreeningTrend,
} from '@paicha/core/api/screening';
