import { UNIT_KINDS } from '@paicha/core';
import { IdParam, Int } from '@paicha/core/api/integers';
import { z } from 'zod';

export const UnitResponse = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  sortOrder: z.number(),
});

const unitName = z.string().trim().min(2, '单位名称至少2个字').max(40, '单位名称不超过40个字');

export const CreateUnitBody = z.object({
  name: unitName,
  // Only one office exists; the office adds streets and departments.
  kind: z.enum(['street', 'department']),
});

export const UpdateUnitBody = z.object({ name: unitName.optional(), sortOrder: Int().optional() });

export const IdParams = z.object({ id: IdParam });
