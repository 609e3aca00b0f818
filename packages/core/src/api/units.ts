// The office, its departments and the streets (/api/units).
import { z } from 'zod';
import { UNIT_KINDS } from '../plan/units.js';
import { Id, Int } from './integers.js';

export const UnitResponse = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  sortOrder: z.number(),
  /** false once deactivated (停用): its problems and reports stay, it gets no new items. */
  active: z.boolean(),
});
export type Unit = z.infer<typeof UnitResponse>;

const unitName = z.string().trim().min(2, '单位名称至少2个字').max(40, '单位名称不超过40个字');

export const CreateUnitBody = z.object({
  name: unitName,
  // Only one office exists; the office adds streets and departments.
  kind: z.enum(['street', 'department']),
});
export type NewUnit = z.infer<typeof CreateUnitBody>;

export const UpdateUnitBody = z.object({ name: unitName.optional(), sortOrder: Int().optional() });
export type UnitChanges = z.infer<typeof UpdateUnitBody>;

/** What deactivating a unit would affect, for the confirmation the admin answers. */
export const UnitWorkload = z.object({
  /** Problems not yet 销号, in any campaign. */
  openProblems: z.number(),
  /** Its check items in campaigns not yet ended. */
  assignments: z.number(),
  /** Active accounts of the unit: they must be moved or deactivated first. */
  activeUsers: z.number(),
});
export type UnitWorkload = z.infer<typeof UnitWorkload>;

/**
 * What becomes of the unit's open problems and assignments: `move` hands them to `toUnitId` (an
 * active unit of the same kind), `keep` leaves them with the unit, shown as 已停用. There is no
 * third way: nothing is dropped.
 */
export const DeactivateUnitBody = z.discriminatedUnion('disposition', [
  z.object({ disposition: z.literal('move'), toUnitId: Id }),
  z.object({ disposition: z.literal('keep') }),
]);
export type UnitDeactivation = z.infer<typeof DeactivateUnitBody>;
