import type { Role, UnitKind } from '@paicha/core';
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';

/** What every handler and service gets: the database, its dialect, the clock and the config. */
export interface AppContext {
  db: Kysely<DB>;
  dialect: DialectName;
  clock: Clock;
  config: Config;
}

/** The signed-in user making a request. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  unitName: string;
  unitKind: UnitKind;
}
