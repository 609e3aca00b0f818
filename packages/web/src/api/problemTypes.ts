// Shapes of the problem ledger routes and evidence files, inferred from the schemas the server
// validates and documents with (@paicha/core/api/problems, files).
export type { Attachment } from '@paicha/core/api/files';
export type {
  BatchRefusal,
  BatchRefusedDetails,
  CountsRow,
  ImportMode,
  ImportReport,
  LedgerList,
  Problem,
  ProblemDetail,
  ProblemEvent,
  ProblemFieldsInput,
} from '@paicha/core/api/problems';
