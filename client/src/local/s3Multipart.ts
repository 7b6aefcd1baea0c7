/**
 * S3 multipart uploads for the local store: CreateMultipartUpload, UploadPart, CompleteMultipartUpload,
 * AbortMultipartUpload, ListParts and ListMultipartUploads, as the AWS CLI (`aws s3 cp` over 8 MB, `aws deploy
 * push`) and the SDKs' upload helpers use them. Each part is written to its own file under `<data>/s3-uploads/<id>/`
 * as it arrives, never kept in memory between requests; completing concatenates the part files into the object.
 * Uploads do not survive a restart: the folder is emptied at start, so abandoned parts never pile up.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeAtomic } from './store';

/** S3's rules: parts 1..10,000; every part but the last at least 5 MiB. */
export const MAX_PART_NUMBER = 10_000;
export const MIN_PART_BYTES = 5 * 1024 * 1024;
/** Upload ids are ours: 32 lowercase hex digits. Anything else names no upload (and no path). */
const UPLOAD_ID = /^[0-9a-f]{32}$/;
const INFO_FILE = 'upload.json';

export class MultipartError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface UploadInfo {
  uploadId: string;
  bucket: string;
  key: string;
  initiated: string;
}

export interface PartInfo {
  partNumber: number;
  eTag: string;
  size: number;
  lastModified: string;
}

export interface CompletedPart {
  partNumber: number;
  eTag: string;
}

const noSuchUpload = () =>
  new MultipartError(
    404,
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
  );
const partName = (n: number) => `part-${String(n).padStart(5, '0')}`;
const bareTag = (t: string) => t.trim().replace(/^"+|"+$/g, '');

export class LocalMultipart {
  private seq = 0;

  constructor(private readonly root: string) {
    fs.rmSync(root, { recursive: true, force: true });
  }

  create(bucket: string, key: string): string {
    const uploadId = randomBytes(16).toString('hex');
    const dir = path.join(this.root, uploadId);
    fs.mkdirSync(dir, { recursive: true });
    const info: UploadInfo = { uploadId, bucket, key, initiated: new Date().toISOString() };
    writeAtomic(path.join(dir, INFO_FILE), JSON.stringify(info), this.tag());
    return uploadId;
  }

  /** The upload `uploadId` of this bucket and key; NoSuchUpload otherwise. */
  info(uploadId: string, bucket: string, key: string): UploadInfo {
    if (!UPLOAD_ID.test(uploadId)) throw noSuchUpload();
    let info: UploadInfo;
    try {
      info = JSON.parse(fs.readFileSync(path.join(this.root, uploadId, INFO_FILE), 'utf8')) as UploadInfo;
    } catch {
      throw noSuchUpload();
    }
    if (info.bucket !== bucket || info.key !== key) throw noSuchUpload();
    return info;
  }

  /** Stores one part (replacing an earlier one of the same number); the upload's parts stay within `maxTotal`. */
  putPart(uploadId: string, bucket: string, key: string, partNumber: number, body: Uint8Array, maxTotal: number) {
    this.info(uploadId, bucket, key);
    const others = this.parts(uploadId, bucket, key).filter((p) => p.partNumber !== partNumber);
    if (others.reduce((sum, p) => sum + p.size, 0) + body.length > maxTotal) {
      throw new MultipartError(400, 'EntityTooLarge', `The parts of an upload may total at most ${maxTotal} bytes.`);
    }
    const part: PartInfo = {
      partNumber,
      eTag: `"${createHash('md5').update(body).digest('hex')}"`,
      size: body.length,
      lastModified: new Date().toISOString(),
    };
    const base = path.join(this.root, uploadId, partName(partNumber));
    const tag = this.tag();
    writeAtomic(`${base}.data`, body, tag);
    writeAtomic(`${base}.json`, JSON.stringify(part), tag);
    return part;
  }

  /** The upload's parts by part number. */
  parts(uploadId: string, bucket: string, key: string): PartInfo[] {
    this.info(uploadId, bucket, key);
    const dir = path.join(this.root, uploadId);
    const parts: PartInfo[] = [];
    for (const name of fs.readdirSync(dir)) {
      if (!/^part-\d{5}\.json$/.test(name)) continue;
      try {
        parts.push(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as PartInfo);
      } catch {
        // a part being replaced right now
      }
    }
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  /** Uploads in progress in `bucket`, by key then start time. */
  uploads(bucket: string): UploadInfo[] {
    let ids: string[];
    try {
      ids = fs.readdirSync(this.root).filter((n) => UPLOAD_ID.test(n));
    } catch {
      return [];
    }
    const out: UploadInfo[] = [];
    for (const id of ids) {
      try {
        const info = JSON.parse(fs.readFileSync(path.join(this.root, id, INFO_FILE), 'utf8')) as UploadInfo;
        if (info.bucket === bucket) out.push(info);
      } catch {
        // an upload being created or removed
      }
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.initiated.localeCompare(b.initiated)));
  }

  abort(uploadId: string, bucket: string, key: string): void {
    this.info(uploadId, bucket, key);
    fs.rmSync(path.join(this.root, uploadId), { recursive: true, force: true });
  }

  /**
   * Checks the client's part list against the stored parts (S3's rules) and hands the part files, in order, to
   * `assemble`; the upload is removed once the object is in place. The object's ETag is the MD5 of the parts'
   * binary MD5s followed by `-<number of parts>`.
   */
  complete<T>(
    uploadId: string,
    bucket: string,
    key: string,
    list: CompletedPart[],
    maxTotal: number,
    assemble: (files: string[], eTag: string, size: number) => T,
  ): T {
    const stored = new Map(this.parts(uploadId, bucket, key).map((p) => [p.partNumber, p]));
    if (list.length === 0) {
      throw new MultipartError(400, 'MalformedXML', 'The part list of CompleteMultipartUpload is empty.');
    }
    const chosen: PartInfo[] = [];
    for (const [i, want] of list.entries()) {
      if (i > 0 && want.partNumber <= list[i - 1].partNumber) {
        throw new MultipartError(400, 'InvalidPartOrder', 'The list of parts was not in ascending order.');
      }
      const part = stored.get(want.partNumber);
      if (!part || bareTag(part.eTag) !== bareTag(want.eTag)) {
        throw new MultipartError(
          400,
          'InvalidPart',
          `Part ${want.partNumber} could not be found, or its ETag does not match the one given.`,
        );
      }
      chosen.push(part);
    }
    for (const part of chosen.slice(0, -1)) {
      if (part.size < MIN_PART_BYTES) {
        throw new MultipartError(
          400,
          'EntityTooSmall',
          `Part ${part.partNumber} is ${part.size} bytes; every part but the last must be at least ${MIN_PART_BYTES} bytes.`,
        );
      }
    }
    const size = chosen.reduce((sum, p) => sum + p.size, 0);
    if (size > maxTotal) {
      throw new MultipartError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.');
    }
    const md5s = Buffer.concat(chosen.map((p) => Buffer.from(bareTag(p.eTag), 'hex')));
    const eTag = `"${createHash('md5').update(md5s).digest('hex')}-${chosen.length}"`;
    const files = chosen.map((p) => path.join(this.root, uploadId, `${partName(p.partNumber)}.data`));
    const out = assemble(files, eTag, size);
    fs.rmSync(path.join(this.root, uploadId), { recursive: true, force: true });
    return out;
  }

  private tag(): string {
    return `${process.pid}-${this.seq++}`;
  }
}

/** The parts of a CompleteMultipartUpload body; MalformedXML when it is not one. */
export function parseCompleteBody(xml: string): CompletedPart[] {
  if (!/<CompleteMultipartUpload[\s>]/.test(xml)) {
    throw new MultipartError(400, 'MalformedXML', 'The XML you provided was not well-formed.');
  }
  const parts: CompletedPart[] = [];
  for (const m of xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)) {
    const num = /<PartNumber>\s*(\d{1,5})\s*<\/PartNumber>/.exec(m[1]);
    const tag = /<ETag>([^<]*)<\/ETag>/.exec(m[1]);
    if (!num || !tag) throw new MultipartError(400, 'MalformedXML', 'A Part needs a PartNumber and an ETag.');
    parts.push({ partNumber: Number(num[1]), eTag: decodeEntities(tag[1]) });
  }
  return parts;
}

function decodeEntities(s: string): string {
  return s.replace(/&(quot|amp|lt|gt|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    if (e === 'quot') return '"';
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
  });
}
