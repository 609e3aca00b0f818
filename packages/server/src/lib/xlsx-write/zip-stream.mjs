// A zip written front to back, for the list workbook's worker: a sheet's entry is deflated as its
// rows arrive, its CRC and sizes follow the data (a data descriptor, general flag bit 3), and the
// central directory closes the file — nothing is seeked back to and nothing waits whole in memory.
// Plain JavaScript: it runs inside a worker thread, which gets no TypeScript loader.
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

// Deflate at level 3 rather than 6: at level 6 a fifth of a large export's time went to
// compressing; level 3 takes a quarter of that for files ~15% larger.
const LEVEL = 3;
// Without ZIP64 no size or offset may pass 4 GiB. A 400,000-problem ledger's sheet is ~1 GB of
// XML and its whole file ~150 MB, so this is a guard: failing is better than a corrupt file.
const LIMIT = 0xffffffff;
const UTF8 = 0x0800;
const DESCRIPTOR = 0x0008;
// Every entry dated 1 January 1980 (the DOS epoch): the same list gives the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;

function localHeader(name, flags, crc, compressed, size) {
  const head = Buffer.alloc(30);
  head.writeUInt32LE(0x04034b50, 0);
  head.writeUInt16LE(20, 4); // version needed: deflate
  head.writeUInt16LE(flags, 6);
  head.writeUInt16LE(8, 8); // method: deflate
  head.writeUInt16LE(DOS_TIME, 10);
  head.writeUInt16LE(DOS_DATE, 12);
  head.writeUInt32LE(crc, 14);
  head.writeUInt32LE(compressed, 18);
  head.writeUInt32LE(size, 22);
  head.writeUInt16LE(name.length, 26);
  return Buffer.concat([head, name]);
}

function centralHeader(e) {
  const head = Buffer.alloc(46);
  head.writeUInt32LE(0x02014b50, 0);
  head.writeUInt16LE(20, 4); // made by
  head.writeUInt16LE(20, 6); // needed
  head.writeUInt16LE(e.flags, 8);
  head.writeUInt16LE(8, 10);
  head.writeUInt16LE(DOS_TIME, 12);
  head.writeUInt16LE(DOS_DATE, 14);
  head.writeUInt32LE(e.crc, 16);
  head.writeUInt32LE(e.compressed, 20);
  head.writeUInt32LE(e.size, 24);
  head.writeUInt16LE(e.name.length, 28);
  head.writeUInt32LE(e.offset, 42);
  return Buffer.concat([head, e.name]);
}

function guard(what, n) {
  if (n > LIMIT) throw new Error(`zip ${what} over 4 GiB (${n} bytes): too large without ZIP64`);
}

/** A zip whose bytes go to `emit(buffer)` in order. */
export class ZipStream {
  constructor(emit) {
    this.emit = emit;
    this.offset = 0;
    this.entries = [];
    this.open = null;
  }

  out(buffer) {
    this.offset += buffer.length;
    guard('offset', this.offset);
    this.emit(buffer);
  }

  /** A small entry held whole: its CRC and sizes go in the local header. */
  add(name, text) {
    if (this.open) throw new Error(`zip entry ${this.open} is still open`);
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data, { level: LEVEL });
    const e = { name: Buffer.from(name, 'utf8'), flags: UTF8, offset: this.offset };
    Object.assign(e, { crc: crc32(data), compressed: packed.length, size: data.length });
    this.entries.push(e);
    this.out(localHeader(e.name, e.flags, e.crc, e.compressed, e.size));
    this.out(packed);
  }

  /**
   * An entry streamed through deflate: `write(buffer)` resolves once zlib has taken the bytes in
   * (so a caller holds back while compression is behind), `end()` once the descriptor is out.
   */
  stream(name) {
    if (this.open) throw new Error(`zip entry ${this.open} is still open`);
    this.open = name;
    const e = { name: Buffer.from(name, 'utf8'), flags: UTF8 | DESCRIPTOR, offset: this.offset };
    Object.assign(e, { crc: 0, compressed: 0, size: 0 });
    this.entries.push(e);
    this.out(localHeader(e.name, e.flags, 0, 0, 0));
    const deflate = createDeflateRaw({ level: LEVEL, chunkSize: 64 * 1024 });
    let failure = null;
    deflate.on('data', (chunk) => {
      e.compressed += chunk.length;
      this.out(chunk);
    });
    deflate.on('error', (err) => {
      failure ??= err;
    });
    const write = (buffer) => {
      if (failure) return Promise.reject(failure);
      e.crc = crc32(buffer, e.crc);
      e.size += buffer.length;
      guard('entry', e.size);
      return new Promise((resolve, reject) =>
        deflate.write(buffer, (err) => (err || failure ? reject(err ?? failure) : resolve())),
      );
    };
    const end = () =>
      new Promise((resolve, reject) => {
        deflate.once('end', resolve);
        deflate.once('error', reject);
        deflate.end();
      }).then(() => {
        const tail = Buffer.alloc(16);
        tail.writeUInt32LE(0x08074b50, 0);
        tail.writeUInt32LE(e.crc, 4);
        tail.writeUInt32LE(e.compressed, 8);
        tail.writeUInt32LE(e.size, 12);
        this.out(tail);
        this.open = null;
      });
    return { write, end };
  }

  /** The central directory and its end record: the zip is complete. */
  finish() {
    if (this.open) throw new Error(`zip entry ${this.open} is still open`);
    const start = this.offset;
    for (const e of this.entries) this.out(centralHeader(e));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.out(end);
  }
}
