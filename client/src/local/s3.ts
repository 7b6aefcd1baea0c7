/**
 * A minimal S3-compatible object store for local mode: path-style PutObject, GetObject,
 * HeadObject, DeleteObject under `/s3/<bucket>/<key>`, the bucket calls, and the listings of
 * s3List.ts (ListBuckets at `/s3`, ListObjects(V2) at `/s3/<bucket>`). Buckets appear on first upload.
 * Objects are always served as `application/octet-stream` attachments (never rendered by a browser).
 *
 * Why not a package: s3rver (the usual choice) pulls in koa and a dozen other dependencies and has
 * not been released since 2021; the extension needs only these three calls, so that the client's
 * upload-then-deploy path is the same code against AWS and locally.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';
import {
  ListParameterError,
  listBucketsXml,
  listObjectsXml,
  sendXml,
  xmlError,
  type BucketEntry,
  type ListedObject,
  type ListSource,
} from './s3List';
import { LocalMultipart } from './s3Multipart';
import { listUploadsXml, multipartObjectCall } from './s3MultipartHttp';
import { writeAtomic } from './store';

export const S3_PREFIX = '/s3/';

interface ObjectMeta {
  eTag: string;
  size: number;
  lastModified: string;
  contentType?: string;
}

const META_SUFFIX = '.meta.json';
// One flat file name per key; dots are encoded too, so `.` and `..` can never leave the store, and the only
// dots in a file name are those of its suffix.
const safeName = (s: string) => encodeURIComponent(s).replace(/\./g, '%2E');

export class LocalS3 implements ListSource {
  private seq = 0;
  /** Multipart uploads in progress, in `<root>-uploads` (emptied at start). */
  readonly multipart: LocalMultipart;
  constructor(private readonly root: string) {
    this.multipart = new LocalMultipart(`${root}-uploads`);
  }

  private paths(bucket: string, key: string): { data: string; meta: string } {
    const base = path.join(this.root, safeName(bucket), safeName(key));
    return { data: `${base}.data`, meta: `${base}${META_SUFFIX}` };
  }

  /** Creates the bucket's folder (CreateBucket); buckets also appear on first upload. */
  createBucket(bucket: string): void {
    fs.mkdirSync(path.join(this.root, safeName(bucket)), { recursive: true });
  }

  /** Every stored key of `bucket` (none when the bucket does not exist). */
  keys(bucket: string): string[] {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(this.root, safeName(bucket)));
    } catch {
      return [];
    }
    const keys: string[] = [];
    for (const name of names) {
      if (!name.endsWith(META_SUFFIX)) continue;
      try {
        keys.push(decodeURIComponent(name.slice(0, -META_SUFFIX.length)));
      } catch {
        // not a name this store wrote
      }
    }
    return keys;
  }

  describe(bucket: string, key: string): ListedObject | undefined {
    const meta = this.head(bucket, key);
    if (!meta) return undefined;
    const when = new Date(meta.lastModified);
    return {
      key,
      size: meta.size,
      eTag: meta.eTag,
      lastModified: (Number.isNaN(when.getTime()) ? new Date(0) : when).toISOString(),
    };
  }

  buckets(): BucketEntry[] {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(this.root, { withFileTypes: true });
    } catch {
      return [];
    }
    const out: BucketEntry[] = [];
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      try {
        const name = decodeURIComponent(e.name);
        const st = fs.statSync(path.join(this.root, e.name));
        out.push({ name, created: (st.birthtimeMs > 0 ? st.birthtime : st.mtime).toISOString() });
      } catch {
        // not a folder this store made
      }
    }
    return out;
  }

  put(bucket: string, key: string, body: Uint8Array, contentType?: string): ObjectMeta {
    const p = this.paths(bucket, key);
    fs.mkdirSync(path.dirname(p.data), { recursive: true });
    const meta: ObjectMeta = {
      eTag: `"${createHash('md5').update(body).digest('hex')}"`,
      size: body.length,
      lastModified: new Date().toUTCString(),
      ...(contentType ? { contentType } : {}),
    };
    const tag = `${process.pid}-${this.seq++}`;
    writeAtomic(p.data, body, tag);
    writeAtomic(p.meta, JSON.stringify(meta), tag);
    return meta;
  }

  /** CompleteMultipartUpload: the part files, concatenated in order, become the object (one part in memory at a time). */
  putFiles(bucket: string, key: string, files: string[], eTag: string, size: number): ObjectMeta {
    const p = this.paths(bucket, key);
    fs.mkdirSync(path.dirname(p.data), { recursive: true });
    const tag = `${process.pid}-${this.seq++}`;
    const tmp = `${p.data}.tmp-${tag}`;
    const fd = fs.openSync(tmp, 'w');
    try {
      for (const file of files) fs.writeSync(fd, fs.readFileSync(file));
    } catch (err) {
      fs.closeSync(fd);
      fs.rmSync(tmp, { force: true });
      throw err;
    }
    fs.closeSync(fd);
    fs.renameSync(tmp, p.data);
    const meta: ObjectMeta = { eTag, size, lastModified: new Date().toUTCString() };
    writeAtomic(p.meta, JSON.stringify(meta), tag);
    return meta;
  }

  head(bucket: string, key: string): ObjectMeta | undefined {
    try {
      return JSON.parse(fs.readFileSync(this.paths(bucket, key).meta, 'utf8')) as ObjectMeta;
    } catch {
      return undefined;
    }
  }

  get(bucket: string, key: string): Uint8Array | undefined {
    try {
      return fs.readFileSync(this.paths(bucket, key).data);
    } catch {
      return undefined;
    }
  }

  deleteBucket(bucket: string): void {
    fs.rmSync(path.join(this.root, safeName(bucket)), { recursive: true, force: true });
  }

  delete(bucket: string, key: string): void {
    const p = this.paths(bucket, key);
    fs.rmSync(p.data, { force: true });
    fs.rmSync(p.meta, { force: true });
  }
}

/** Decodes `aws-chunked` bodies (streaming uploads with trailing checksums) into the plain bytes. */
export function decodeAwsChunked(buf: Buffer): Buffer {
  const parts: Buffer[] = [];
  let off = 0;
  while (off < buf.length) {
    const eol = buf.indexOf('\r\n', off);
    if (eol < 0) break;
    const sizeText = buf.subarray(off, eol).toString('latin1').split(';')[0].trim();
    // Hex digits only: a negative or garbage size must never move the reader backwards.
    if (!/^[0-9a-fA-F]{1,8}$/.test(sizeText)) break;
    const size = parseInt(sizeText, 16);
    if (size === 0) break;
    parts.push(buf.subarray(eol + 2, eol + 2 + size));
    off = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Reads the request body; undefined when it is larger than the store takes. */
export type BodyReader = (limit?: number) => Promise<Buffer | undefined>;

const isBucketName = (b: string) => /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(b);

/**
 * Handles one S3 request whose path is `/s3` or starts with `/s3/`. The method and the route are checked
 * before the body is read: only PutObject, UploadPart and CompleteMultipartUpload read one.
 */
export async function handleS3(store: LocalS3, req: IncomingMessage, res: ServerResponse, readBody: BodyReader) {
  // The raw path, not a parsed URL: URL parsing would resolve `..` segments before the checks below.
  const [pathname, search = ''] = splitUrl(req.url ?? '/');
  const rest = pathname.slice(S3_PREFIX.length);
  if (rest === '') {
    if (req.method === 'GET') return sendXml(res, 200, listBucketsXml(store));
    return xmlError(res, 405, 'MethodNotAllowed', `The ${req.method} method is not allowed on the service.`, '/');
  }
  const slash = rest.indexOf('/');
  let bucket: string;
  let key: string;
  try {
    bucket = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
    key = slash < 0 ? '' : decodeURIComponent(rest.slice(slash + 1));
  } catch {
    return xmlError(res, 400, 'InvalidURI', 'Could not parse the specified URI.', pathname);
  }
  const resource = `/${bucket}/${key}`;
  if (!isBucketName(bucket)) {
    return xmlError(res, 400, 'InvalidBucketName', 'The specified bucket is not valid.', resource);
  }
  if (!key) return bucketCall(store, req, res, bucket, search);
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) {
    return xmlError(res, 400, 'KeyTooLongError', `Your key is longer than ${MAX_KEY_BYTES} bytes.`, resource);
  }
  const readPayload = async (limit?: number) => {
    const body = await readBody(limit);
    const chunked =
      String(req.headers['content-encoding'] ?? '').includes('aws-chunked') ||
      String(req.headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
    return body && chunked ? decodeAwsChunked(body) : body;
  };
  const params = new URLSearchParams(search);
  if (await multipartObjectCall(store, req, res, bucket, key, params, readPayload, MAX_OBJECT_BYTES)) return;
  switch (req.method) {
    case 'PUT': {
      const body = await readPayload();
      if (!body) return tooLarge(res, resource);
      const meta = store.put(bucket, key, body);
      res.writeHead(200, { etag: meta.eTag, 'x-amz-request-id': 'local' });
      return void res.end();
    }
    case 'GET':
    case 'HEAD': {
      const meta = store.head(bucket, key);
      const data = meta && req.method === 'GET' ? store.get(bucket, key) : undefined;
      if (!meta || (req.method === 'GET' && !data)) {
        if (req.method === 'HEAD') {
          res.writeHead(404, { 'x-amz-request-id': 'local' });
          return void res.end();
        }
        return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.', resource);
      }
      const range = req.headers.range === undefined ? undefined : byteRange(req.headers.range, meta.size);
      if (range === 'unsatisfiable') {
        return xmlError(res, 416, 'InvalidRange', 'The requested range is not satisfiable.', resource);
      }
      // Stored bytes are never interpreted by a browser on the endpoint's origin: no uploader-chosen type.
      res.writeHead(range ? 206 : 200, {
        etag: meta.eTag,
        'content-length': String(range ? range.end - range.start + 1 : meta.size),
        ...(range ? { 'content-range': `bytes ${range.start}-${range.end}/${meta.size}` } : {}),
        'accept-ranges': 'bytes',
        'content-type': 'application/octet-stream',
        'content-disposition': 'attachment',
        'x-content-type-options': 'nosniff',
        'last-modified': meta.lastModified,
        'x-amz-request-id': 'local',
      });
      const sent = data && range ? data.subarray(range.start, range.end + 1) : data;
      return void res.end(req.method === 'GET' ? sent : undefined);
    }
    case 'DELETE':
      store.delete(bucket, key);
      res.writeHead(204, { 'x-amz-request-id': 'local' });
      return void res.end();
    default:
      return xmlError(
        res,
        405,
        'MethodNotAllowed',
        `The ${req.method} method is not supported by the local S3 store.`,
        resource,
      );
  }
}

/** The largest object, uploaded whole or completed from parts. */
export const MAX_OBJECT_BYTES = 256 * 1024 * 1024;

/**
 * One `bytes=a-b`, `bytes=a-` or `bytes=-n` range of an object of `size` bytes. A header of another form is
 * ignored (the whole object is sent), as HTTP allows; a range starting past the end is unsatisfiable.
 */
export function byteRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return undefined;
  return { start, end };
}

/** S3's limit on a key: 1024 bytes of UTF-8. */
export const MAX_KEY_BYTES = 1024;

function splitUrl(url: string): [string, string?] {
  const q = url.indexOf('?');
  return q < 0 ? [url] : [url.slice(0, q), url.slice(q + 1)];
}

function tooLarge(res: ServerResponse, resource: string): void {
  xmlError(res, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.', resource);
}

/** Bucket-level calls: ListObjects(V2) on GET; CreateBucket, HeadBucket and DeleteBucket (buckets exist implicitly). */
function bucketCall(store: LocalS3, req: IncomingMessage, res: ServerResponse, bucket: string, search: string) {
  const resource = `/${bucket}`;
  switch (req.method) {
    case 'GET':
      if (new URLSearchParams(search).has('uploads')) return sendXml(res, 200, listUploadsXml(store.multipart, bucket));
      try {
        return sendXml(res, 200, listObjectsXml(store, bucket, new URLSearchParams(search)));
      } catch (err) {
        if (err instanceof ListParameterError) return xmlError(res, 400, err.code, err.message, resource);
        throw err;
      }
    case 'PUT':
      store.createBucket(bucket);
      res.writeHead(200, { location: resource, 'x-amz-request-id': 'local' });
      return void res.end();
    case 'HEAD':
      res.writeHead(200, { 'x-amz-request-id': 'local', 'x-amz-bucket-region': 'us-east-1' });
      return void res.end();
    case 'DELETE':
      if (store.keys(bucket).length > 0)
        return xmlError(res, 409, 'BucketNotEmpty', 'The bucket you tried to delete is not empty.', resource);
      store.deleteBucket(bucket);
      res.writeHead(204, { 'x-amz-request-id': 'local' });
      return void res.end();
    default:
      return xmlError(res, 405, 'MethodNotAllowed', `The ${req.method} method is not allowed on a bucket.`, resource);
  }
}
