// Evidence files are checked by their bytes, not their names: a renamed .exe stays an .exe.

export interface FileType {
  mime: string;
  ext: string;
  label: string;
}

const PDF: FileType = { mime: 'application/pdf', ext: 'pdf', label: 'PDF' };
const PNG: FileType = { mime: 'image/png', ext: 'png', label: '图片' };
const JPEG: FileType = { mime: 'image/jpeg', ext: 'jpg', label: '图片' };
const GIF: FileType = { mime: 'image/gif', ext: 'gif', label: '图片' };
const WEBP: FileType = { mime: 'image/webp', ext: 'webp', label: '图片' };
const BMP: FileType = { mime: 'image/bmp', ext: 'bmp', label: '图片' };
const DOCX: FileType = {
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ext: 'docx',
  label: 'Word',
};
const XLSX: FileType = {
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ext: 'xlsx',
  label: 'Excel',
};
const PPTX: FileType = {
  mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ext: 'pptx',
  label: 'PowerPoint',
};
const OLE_BY_EXT: Record<string, FileType> = {
  doc: { mime: 'application/msword', ext: 'doc', label: 'Word' },
  wps: { mime: 'application/vnd.ms-works', ext: 'wps', label: 'WPS 文字' },
  xls: { mime: 'application/vnd.ms-excel', ext: 'xls', label: 'Excel' },
  et: { mime: 'application/vnd.ms-excel', ext: 'et', label: 'WPS 表格' },
  ppt: { mime: 'application/vnd.ms-powerpoint', ext: 'ppt', label: 'PowerPoint' },
  dps: { mime: 'application/vnd.ms-powerpoint', ext: 'dps', label: 'WPS 演示' },
};

export const ACCEPTED_DESCRIPTION = '图片（JPG/PNG/GIF/WEBP/BMP）、PDF、Word/Excel/PowerPoint 及 WPS 文档';

function startsWith(buf: Buffer, bytes: number[], offset = 0): boolean {
  return bytes.every((b, i) => buf[offset + i] === b);
}

/**
 * Identifies an accepted file type from its first bytes (`head`, ≥ 16 bytes) and, for ZIP-based
 * Office files, the end of the file (`tail`, which holds the ZIP central directory with the part
 * names). The name only chooses among OLE2 formats (doc/xls/ppt/WPS), which share one signature.
 */
export function detectFileType(head: Buffer, tail: Buffer, originalName: string): FileType | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return GIF;
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8))
    return WEBP;
  if (startsWith(head, [0x42, 0x4d]) && head.length >= 14) return BMP;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const names = tail.toString('latin1');
    if (names.includes('word/')) return DOCX;
    if (names.includes('xl/')) return XLSX;
    if (names.includes('ppt/')) return PPTX;
    return null;
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const ext = originalName.toLowerCase().split('.').pop() ?? '';
    return OLE_BY_EXT[ext] ?? OLE_BY_EXT.doc ?? null;
  }
  return null;
}
