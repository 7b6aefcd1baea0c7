/** Builders for hostile revision bundles: tar headers written by hand (so fields can lie), zips whose sizes lie. */
import { deflateRawSync, gzipSync } from 'node:zlib';

export const EC2_APPSPEC = `version: 0.0
os: linux
files:
  - source: /
    destination: /opt/abuse
hooks:
  ApplicationStart:
    - location: scripts/start.sh
      timeout: 60
`;

export interface TarEntry {
  name: string;
  data?: Uint8Array | string;
  /** The size field as written (default: the data's length in octal). */
  sizeField?: string;
  type?: string;
  /** Write a wrong checksum. */
  badChecksum?: boolean;
}

function header(e: TarEntry, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(e.name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'latin1');
  h.write('0000000\0', 108, 'latin1');
  h.write('0000000\0', 116, 'latin1');
  h.write((e.sizeField ?? size.toString(8).padStart(11, '0')).slice(0, 12), 124, 'latin1');
  h.write('00000000000\0', 136, 'latin1');
  h.write(e.type ?? '0', 156, 'latin1');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  if (e.badChecksum) sum += 1;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

/** A tar archive of `entries`, closed by two zero blocks. */
export function tar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data) : Buffer.from(e.data ?? new Uint8Array(0));
    parts.push(header(e, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export function tgz(entries: TarEntry[]): Buffer {
  return gzipSync(tar(entries));
}

/** A revision that is fine: appspec.yml and its hook script. */
export function goodEntries(): TarEntry[] {
  return [
    { name: 'appspec.yml', data: EC2_APPSPEC },
    { name: 'scripts/start.sh', data: '#!/bin/bash\necho started\n' },
  ];
}

export function goodZip(): Buffer {
  return zip([
    { name: 'appspec.yml', content: Buffer.from(EC2_APPSPEC) },
    { name: 'scripts/start.sh', content: Buffer.from('#!/bin/bash\n') },
  ]);
}

/** A zip whose `bomb.bin` holds `mb` MiB of zeros (about a thousandth of that compressed), next to a good appspec.yml. */
export function zipBomb(mb: number): Buffer {
  return zip([
    { name: 'appspec.yml', content: Buffer.from(EC2_APPSPEC) },
    { name: 'bomb.bin', content: new Uint8Array(mb * 1024 * 1024) },
  ]);
}

/** A gzipped tar with `mb` MiB of zeros in one entry. */
export function tgzBomb(mb: number): Buffer {
  return gzipSync(tar([...goodEntries(), { name: 'bomb.bin', data: new Uint8Array(mb * 1024 * 1024) }]), { level: 9 });
}

export interface ZipEntrySpec {
  name: string;
  content: Uint8Array;
  /** The uncompressed size written in the headers (default: the real one). */
  declared?: number;
  /** Stored (method 0) instead of deflated. */
  stored?: boolean;
}

/**
 * A zip written by hand (no data descriptors), so that its headers can lie about sizes. More than 65,535 entries
 * get zip64 end records, as zip tools write them.
 */
export function zip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = e.stored ? Buffer.from(e.content) : deflateRawSync(e.content, { level: 9 });
    const method = e.stored ? 0 : 8;
    const declared = e.declared ?? e.content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const count = entries.length;
  const z64 = count > 0xffff;
  const tail: Buffer[] = [];
  if (z64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(count), 24);
    rec.writeBigUInt64LE(BigInt(count), 32);
    rec.writeBigUInt64LE(BigInt(dir.length), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + dir.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(rec, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(z64 ? 0xffff : count, 8);
  end.writeUInt16LE(z64 ? 0xffff : count, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, ...tail, end]);
}
