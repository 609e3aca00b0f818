// The household-data import API (office only): upload → preview/mapping → start → poll → report.
// The server validates and documents with these schemas; the web takes its types from them.

import { z } from 'zod';
import { FIELD_IDS, HOUSEHOLD_SOURCES } from '../household/index.js';
import { IntParam } from './integers.js';

export const Source = z.enum(HOUSEHOLD_SOURCES);
export const FieldIdSchema = z.enum(FIELD_IDS as [string, ...string[]]);
/** Header text as written → field id, or null to ignore the column. */
export const MappingSchema = z.record(z.string().min(1).max(200), FieldIdSchema.nullable()).default({});
export type Mapping = z.infer<typeof MappingSchema>;

export const UploadParams = z.object({ id: z.string().regex(/^[a-f0-9]{32}$/) });
/** Without `source` the server recognises the file's source by its headers (then its name), as `paicha import <文件夹>` does. */
export const UploadQuery = z.object({ source: Source.optional() });
export const PreviewBody = z.object({ source: Source, mapping: MappingSchema });
export const StartImportBody = z.object({
  uploadId: z.string().regex(/^[a-f0-9]{32}$/),
  source: Source,
  mapping: MappingSchema,
});
export type NewImport = z.input<typeof StartImportBody>;
export const Paging = z.object({
  page: IntParam(1).default(1),
  pageSize: IntParam(1, 500).default(50),
});
export const ImportListQuery = Paging.extend({ source: Source.optional() });
export type ImportFilter = z.infer<typeof ImportListQuery>;
export const ErrorsCsvQuery = z.object({ encoding: z.enum(['gbk', 'utf-8']).default('gbk') });
export const FieldsQuery = z.object({ source: Source });

/** The fields a source's file may hold, and the groups of which one field is required. */
export const FieldCatalogue = z.object({
  fields: z.array(z.object({ id: z.string(), label: z.string() })),
  required: z.array(z.object({ fields: z.array(z.string()), label: z.string() })),
});
export type FieldCatalogue = z.infer<typeof FieldCatalogue>;

export const ImportStatusSchema = z.enum(['running', 'committed', 'rejected', 'failed', 'superseded']);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

export const ImportView = z.object({
  id: z.number(),
  source: Source,
  sourceLabel: z.string(),
  fileName: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  status: ImportStatusSchema,
  sheet: z.string().nullable(),
  /** Row number (1-based) of the header row in the file. */
  headerRow: z.number().nullable(),
  columns: z.array(z.object({ column: z.number(), header: z.string(), field: z.string() })),
  unknownHeaders: z.array(z.object({ column: z.number(), header: z.string() })),
  mapping: z.record(z.string(), z.string().nullable()),
  rows: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  errorCount: z.number(),
  bytesTotal: z.number(),
  bytesRead: z.number(),
  /** 0–1; 1 once finished. */
  progress: z.number(),
  message: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportView>;
export const ImportList = z.object({ items: z.array(ImportView), total: z.number() });
export type ImportPage = z.infer<typeof ImportList>;

export const ImportError = z.object({
  row: z.number(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
});
export type ImportErrorRow = z.infer<typeof ImportError>;
export const ImportErrorList = z.object({ items: z.array(ImportError), total: z.number() });
export type ImportErrorPage = z.infer<typeof ImportErrorList>;

export const Preview = z.object({
  upload: z.object({ id: z.string(), fileName: z.string(), size: z.number(), format: z.string() }),
  /** Null only for an upload sent without a source whose source could not be recognised. */
  source: Source.nullable(),
  /**
   * How the source was recognised when the upload named none (null when it did): `by` null means
   * not recognised — `candidates` are the sources the headers fit (empty: none), `message` says why.
   */
  recognised: z
    .object({
      by: z.enum(['headers', 'name']).nullable(),
      candidates: z.array(Source),
      message: z.string(),
    })
    .nullable(),
  encoding: z.string().nullable(),
  sheet: z.string().nullable(),
  /** Row number (1-based) of the header row in the file. */
  headerRow: z.number().nullable(),
  /** Every non-blank header; `field` null = unknown or ignored. */
  columns: z.array(
    z.object({
      column: z.number(),
      header: z.string(),
      field: z.string().nullable(),
      fieldLabel: z.string().nullable(),
    }),
  ),
  unknown: z.array(z.object({ column: z.number(), header: z.string() })),
  missing: z.array(z.string()),
  duplicates: z.array(z.object({ field: z.string(), columns: z.array(z.number()) })),
  /** A few data rows, cells in the order of `columns`, personal data masked. */
  sample: z.array(z.array(z.string())),
  ok: z.boolean(),
  message: z.string(),
});
export type UploadPreview = z.infer<typeof Preview>;
