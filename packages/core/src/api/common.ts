// Shapes several areas' routes share.
import { z } from 'zod';
import { IdParam } from './integers.js';

/** The answer of a step that has nothing else to say. */
export const OkResponse = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof OkResponse>;

/** A route's `:id` path parameter. */
export const IdParams = z.object({ id: IdParam });
