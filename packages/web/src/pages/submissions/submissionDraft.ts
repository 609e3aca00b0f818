// A milestone submission's editable part (texts and sealed files) and the body it is saved as.
// The editing itself is useVersionedEditor's.
import type { FileKind, Submission, SubmissionInput } from '../../api/reports';

export interface DraftFile {
  attachmentId: number;
  kind: FileKind;
  name: string;
  mime: string;
}

export interface SubmissionDraft {
  content: string;
  experience: string;
  institutions: string;
  files: DraftFile[];
}

export type TextKey = 'content' | 'experience' | 'institutions';

export function draftOf(s: Submission): SubmissionDraft {
  return {
    content: s.content,
    experience: s.experience,
    institutions: s.institutions,
    files: s.files.map((f) => ({ attachmentId: f.id, kind: f.kind, name: f.name, mime: f.mime })),
  };
}

export function inputOf(d: SubmissionDraft, version: number): SubmissionInput {
  return {
    version,
    content: d.content,
    experience: d.experience,
    institutions: d.institutions,
    files: d.files.map((f) => ({ attachmentId: f.attachmentId, kind: f.kind })),
  };
}
