// Evidence files (/api/files): an upload answers with the attachment a unit step then claims.
import { z } from 'zod';

export const AttachmentResponse = z.object({
  id: z.number(),
  name: z.string(),
  size: z.number(),
  mime: z.string(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof AttachmentResponse>;
