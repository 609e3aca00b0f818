// Real little files for upload tests: valid bytes of each type, and impostors.
import { deflateSync } from 'node:zlib';
import type { TestApp } from './harness.js';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A real 2×2 PNG. */
export function tinyPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function tinyPdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
}

/** Posts `bytes` as the multipart field `file`, as a browser's file input sends it. */
async function postFile(
  t: TestApp,
  cookie: string,
  url: string,
  name: string,
  bytes: Buffer,
  type = 'application/octet-stream',
) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  return t.app.inject({ method: 'POST', url, headers: { cookie }, payload: form });
}

/** An upload to the file store (evidence, scans). */
export const upload = (t: TestApp, cookie: string, name: string, bytes: Buffer, type?: string) =>
  postFile(t, cookie, '/api/files', name, bytes, type);

/** A ledger workbook to the Excel import (`mode` check | valid | all). */
export const importLedger = (t: TestApp, cookie: string, bytes: Buffer, mode: string) =>
  postFile(t, cookie, `/api/problems/import?mode=${mode}`, '台账.xlsx', bytes);

/** A calendar file (.xlsx or .csv, by `name`) to the 节假日 import (`mode` check | all). */
export const importCalendarFile = (t: TestApp, cookie: string, name: string, bytes: Buffer, mode = 'all') =>
  postFile(t, cookie, `/api/calendar/import?mode=${mode}`, name, bytes);
