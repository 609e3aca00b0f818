import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/** Either the database or an open transaction: repositories accept both. */
export type Executor = Kysely<DB> | Transaction<DB>;
