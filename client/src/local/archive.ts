/**
 * Reads the AppSpec out of an EC2/On-Premises revision bundle (zip, tar or tgz) without trusting
 * the bundle: every size is checked before anything is allocated, decompression runs as a stream
 * in small steps with caps on the bytes it produces, the number of entries and the expansion ratio,
 * and every header is validated so that a malformed one ends the read instead of looping.
 *
 * Only the wanted root files (appspec.yml / appspec.yaml) are kept. A zip's other entries are
 * counted from its central directory and never inflated; a tgz is gunzipped as a stream through a
 * tar reader that skips the bytes it does not keep.
 */
import { Gunzip, Inflate } from 'fflate';

/** The bundle limits of the local endpoint (docs/local-endpoint.md, "Limits"). */
export const BUNDLE_LIMITS = {
  /** Entries (files, folders, links) in one bundle. */
  maxEntries: 100_000,
  /** Bytes the bundle expands to (a zip's declared sizes; a tgz's gunzipped tar). */
  maxExpandedBytes: 256 * 1024 * 1024,
  /** Expanded bytes per compressed byte, checked once the expanded size passes `ratioFloorBytes`. */
  maxRatio: 100,
  ratioFloorBytes: 8 * 1024 * 1024,
  /** The AppSpec file itself. */
  maxAppSpecBytes: 1024 * 1024,
} as const;

export type ArchiveLimits = { readonly [K in keyof typeof BUNDLE_LIMITS]: number };

/** A bundle that is malformed or over a limit; the message says which. */
export class ArchiveError extends Error {}

const MiB = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;
/** Compressed bytes handed to the inflater per step: each step produces at most ~1,000 times as much. */
const STEP = 4096;

/** Reads the `wanted` root files of a bundle; a wanted name that is not in it is absent from the map. */
export function readBundleFiles(
  bytes: Uint8Array,
  kind: 'zip' | 'tar' | 'tgz',
  wanted: readonly string[],
  limits: ArchiveLimits = BUNDLE_LIMITS,
): Map<string, Uint8Array> {
  if (kind === 'zip') return readZip(bytes, wanted, limits);
  const tar = new TarReader(wanted, limits);
  if (kind === 'tar') {
    tar.push(bytes);
    tar.finish();
    return tar.files;
  }
  let expanded = 0;
  const gunzip = new Gunzip((chunk) => {
    expanded += chunk.length;
    checkExpansion(expanded, bytes.length, limits);
    if (!tar.ended) tar.push(chunk);
  });
  for (let off = 0; off < bytes.length && !tar.ended; off += STEP) {
    const end = Math.min(off + STEP, bytes.length);
    gunzip.push(bytes.subarray(off, end), end === bytes.length);
  }
  tar.finish();
  return tar.files;
}

function checkExpansion(expanded: number, compressed: number, limits: ArchiveLimits): void {
  if (expanded > limits.maxExpandedBytes)
    throw new ArchiveError(`it expands to more than ${MiB(limits.maxExpandedBytes)} (the local endpoint's limit)`);
  if (expanded > limits.ratioFloorBytes && expanded > limits.maxRatio * Math.max(compressed, 1))
    throw new ArchiveError(
      `it expands more than ${limits.maxRatio} times its compressed size (${compressed} bytes), which only a decompression bomb does`,
    );
}

// ---- zip ----------------------------------------------------------------------------------------

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function readZip(buf: Uint8Array, wanted: readonly string[], limits: ArchiveLimits): Map<string, Uint8Array> {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  let eocd = -1;
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ArchiveError('no zip end-of-central-directory record');
  let count = u16(eocd + 10);
  let dirOffset = u32(eocd + 16);
  if ((count === 0xffff || dirOffset === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z64 = u64(eocd - 12);
    if (z64 + 56 > buf.length || u32(z64) !== 0x06064b50) throw new ArchiveError('a broken zip64 record');
    count = u64(z64 + 32);
    dirOffset = u64(z64 + 48);
  }
  if (count > limits.maxEntries)
    throw new ArchiveError(`it has ${count} entries; the local endpoint's limit is ${limits.maxEntries}`);
  const entries: ZipEntry[] = [];
  let declared = 0;
  for (let at = dirOffset, i = 0; i < count; i++) {
    if (at + 46 > buf.length || u32(at) !== 0x02014b50) throw new ArchiveError('a broken central directory');
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const next = at + 46 + nameLen + extraLen + u16(at + 32);
    if (next > buf.length) throw new ArchiveError('a central directory entry runs past the end of the file');
    const entry: ZipEntry = {
      name: Buffer.from(buf.subarray(at + 46, at + 46 + nameLen)).toString('utf8'),
      flags: u16(at + 8),
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      localOffset: u32(at + 42),
    };
    readZip64Extra(view, at + 46 + nameLen, extraLen, entry);
    declared += entry.size;
    checkExpansion(declared, buf.length, limits);
    entries.push(entry);
    at = next;
  }
  const files = new Map<string, Uint8Array>();
  for (const name of wanted) {
    const entry = entries.find((e) => e.name === name);
    if (entry) files.set(name, inflateEntry(buf, view, entry, limits));
  }
  return files;
}

/** Sizes and offsets of 0xffffffff live in the zip64 extra field (id 1), in this order. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      let p = at + 4;
      const take = () => {
        if (p + 8 > at + 4 + size) throw new ArchiveError('a broken zip64 extra field');
        const v = Number(view.getBigUint64(p, true));
        p += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localOffset === 0xffffffff) entry.localOffset = take();
    }
    at += 4 + size;
  }
}

function inflateEntry(buf: Uint8Array, view: DataView, e: ZipEntry, limits: ArchiveLimits): Uint8Array {
  if (e.flags & 1) throw new ArchiveError(`${e.name} is encrypted`);
  if (e.size > limits.maxAppSpecBytes) throw tooBig(e.name, e.size, limits);
  const at = e.localOffset;
  if (at + 30 > buf.length || view.getUint32(at, true) !== 0x04034b50)
    throw new ArchiveError(`the local header of ${e.name} is broken`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = buf.subarray(start, start + e.compressedSize);
  if (start + e.compressedSize > buf.length) throw new ArchiveError(`${e.name} runs past the end of the file`);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw new ArchiveError(`${e.name} is stored with two different sizes`);
    return data;
  }
  if (e.method !== 8) throw new ArchiveError(`${e.name} uses compression method ${e.method} (only deflate is read)`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > e.size) throw new ArchiveError(`${e.name} expands beyond its declared size of ${e.size} bytes`);
    chunks.push(chunk);
  });
  for (let off = 0; off < data.length; off += STEP) {
    const end = Math.min(off + STEP, data.length);
    inflater.push(data.subarray(off, end), end === data.length);
  }
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  if (total !== e.size) throw new ArchiveError(`${e.name} is ${total} bytes, not the ${e.size} its header declares`);
  return Buffer.concat(chunks);
}

function tooBig(name: string, size: number, limits: ArchiveLimits): ArchiveError {
  return new ArchiveError(
    `${name} is ${size} bytes; the local endpoint reads AppSpec files up to ${limits.maxAppSpecBytes} bytes`,
  );
}

// ---- tar ----------------------------------------------------------------------------------------

const BLOCK = 512;

/** A streaming ustar/GNU tar reader: validates each header (checksum, size) and keeps only the wanted files. */
class TarReader {
  readonly files = new Map<string, Uint8Array>();
  ended = false;
  private readonly header = new Uint8Array(BLOCK);
  private headerFill = 0;
  private remaining = 0;
  private padding = 0;
  private keeping?: { name: string; chunks: Uint8Array[] };
  private zeroBlocks = 0;
  private entries = 0;

  constructor(
    private readonly wanted: readonly string[],
    private readonly limits: ArchiveLimits,
  ) {}

  push(chunk: Uint8Array): void {
    // Every pass through the loop consumes at least one byte, so it always ends.
    for (let off = 0; off < chunk.length && !this.ended; ) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - off);
        this.keeping?.chunks.push(chunk.slice(off, off + take));
        this.remaining -= take;
        off += take;
        if (this.remaining === 0) this.endEntry();
      } else if (this.padding > 0) {
        const take = Math.min(this.padding, chunk.length - off);
        this.padding -= take;
        off += take;
      } else {
        const take = Math.min(BLOCK - this.headerFill, chunk.length - off);
        this.header.set(chunk.subarray(off, off + take), this.headerFill);
        this.headerFill += take;
        off += take;
        if (this.headerFill === BLOCK) {
          this.headerFill = 0;
          this.readHeader();
        }
      }
    }
  }

  finish(): void {
    if (this.ended) return;
    if (this.remaining > 0 || this.padding > 0 || this.headerFill > 0)
      throw new ArchiveError('the tar archive is cut off');
    if (this.entries === 0) throw new ArchiveError('no tar entries');
  }

  private endEntry(): void {
    if (this.keeping) this.files.set(this.keeping.name, Buffer.concat(this.keeping.chunks));
    this.keeping = undefined;
  }

  private readHeader(): void {
    const h = this.header;
    if (h.every((b) => b === 0)) {
      // Two zero blocks end the archive; one is accepted as the end too when nothing follows.
      if (++this.zeroBlocks === 2) this.ended = true;
      return;
    }
    if (this.zeroBlocks > 0) throw new ArchiveError('a tar header follows an end-of-archive block');
    const field = (a: number, b: number) => Buffer.from(h.subarray(a, b)).toString('utf8').replace(/\0.*$/s, '');
    const checksum = parseOctal(h.subarray(148, 156));
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
      const b = i >= 148 && i < 156 ? 0x20 : h[i];
      unsigned += b;
      signed += b > 127 ? b - 256 : b;
    }
    if (checksum === undefined || (checksum !== unsigned && checksum !== signed))
      throw new ArchiveError(`tar header ${this.entries + 1} is not valid (its checksum does not match)`);
    const size = parseSize(h.subarray(124, 136));
    if (size === undefined)
      throw new ArchiveError(`tar header ${this.entries + 1} has a size field that is not a non-negative number`);
    if (size > this.limits.maxExpandedBytes)
      throw new ArchiveError(
        `a tar entry declares ${size} bytes, more than ${MiB(this.limits.maxExpandedBytes)} (the local endpoint's limit)`,
      );
    if (++this.entries > this.limits.maxEntries)
      throw new ArchiveError(`it has more than ${this.limits.maxEntries} entries (the local endpoint's limit)`);
    const type = field(156, 157);
    const ustar = field(257, 262) === 'ustar';
    const prefix = ustar ? field(345, 500) : '';
    const name = field(0, 100);
    const full = (prefix ? `${prefix}/${name}` : name).replace(/^\.\//, '');
    this.remaining = size;
    this.padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if ((type === '0' || type === '' || type === '7') && this.wanted.includes(full)) {
      if (size > this.limits.maxAppSpecBytes) throw tooBig(full, size, this.limits);
      this.keeping = { name: full, chunks: [] };
      if (size === 0) this.endEntry();
    }
  }
}

/** An octal number field (digits, padded with spaces or NULs); undefined when it holds anything else. */
function parseOctal(bytes: Uint8Array): number | undefined {
  const text = Buffer.from(bytes)
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .replace(/^ +/, '');
  if (text === '') return 0;
  if (!/^[0-7]{1,12}$/.test(text)) return undefined;
  return parseInt(text, 8);
}

/** A size field: octal, or GNU's base-256 form for large sizes (first byte 0x80); negative sizes are refused. */
function parseSize(bytes: Uint8Array): number | undefined {
  if (bytes[0] === 0x80) {
    let n = 0;
    for (const b of bytes.subarray(1)) n = n * 256 + b;
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return parseOctal(bytes);
}
