// The import room's shared shapes: what a table reader yields, where rows go, what an import is
// asked and answers. A leaf, so the reader, the sinks and the import's steps import it and not
// each other.
import type { FieldId, HouseholdSource, TextEncodingName } from '@paicha/core';
import type { Updateable } from 'kysely';
import type { HouseholdImportsTable } from '../../../db/schema-households.js';

export type TableFormat = 'csv' | 'xlsx';

export interface RawRow {
  /** Worksheet index (0 for CSV): a new value means a new sheet began. */
  sheet: number;
  sheetName: string;
  /** 1-based, as Excel shows it. */
  rowNo: number;
  cells: unknown[];
}

export interface TableReader {
  encoding: TextEncodingName | null;
  /** Rows in file order, a batch at a time (never empty). */
  rows: AsyncGenerator<RawRow[]>;
  /** Bytes of the file consumed so far, for the progress bar. */
  bytesRead(): number;
}

export interface RowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface RowSink {
  /** Copies one row (the sink's columns, in order); true when a chunk is full and `flush` is due. */
  add(values: readonly unknown[]): boolean;
  /** Hands the buffered rows to the database; resolves when the caller may go on (back-pressure). */
  flush(): Promise<void>;
  /**
   * Updates the import's own row (progress, header found) after the rows handed over so far. On
   * SQLite the writer runs it on its connection, between two chunks: on the server's connection
   * the update waited for the writer's lock (synchronously, the event loop with it) and, as the
   * first commit after many WAL pages, copied them into the database file there and then
   * (measured on the seven files of a million people: this thread's CPU 7.2–7.5 s before, 6.4–6.5 s
   * after; the whole process's 0.9 s less).
   */
  update(patch: Updateable<HouseholdImportsTable>): Promise<void>;
  /** All rows added: store the rest. Resolves when every row is committed. */
  end(): Promise<void>;
  /**
   * Builds the indexes (after `end`). On SQLite in the writer's thread, so the caller's own reads
   * of the rows (a WAL reader is not blocked by the writer) can run meanwhile on the other core.
   */
  index(): Promise<void>;
  close(): Promise<void>;
}

export interface ImportInput {
  source: HouseholdSource;
  path: string;
  fileName: string;
  format: TableFormat;
  /** Header text → field, or null to ignore the column (the mapping step's answers). */
  mapping?: Readonly<Record<string, FieldId | null>>;
  actorId: number | null;
  onProgress?: (p: { rows: number; bytesRead: number; bytesTotal: number }) => void;
}

export interface ImportResult {
  importId: number;
  status: 'committed' | 'rejected';
  rows: number;
  accepted: number;
  rejected: number;
  errorCount: number;
  errors: RowError[];
  message: string;
}
