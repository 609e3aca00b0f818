// The office, its departments and the streets (/api/units).
import { z } from 'zod';
import { UNIT_KINDS } from '../plan/units.js';
import { Int } from './integers.js';

export const UnitResponse = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  sortOrder: z.number(),
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
