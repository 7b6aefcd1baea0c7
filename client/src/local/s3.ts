/**
 * A minimal S3-compatible object store for local mode: path-style PutObject, GetObject,
 * HeadObject (and DeleteObject) under `/s3/<bucket>/<key>`. Buckets appear on first upload.
 *
 * Why not a package: s3rver (the usual choice) pulls in koa and a dozen other dependencies and has
 * not been released since 2021; the extension needs only these three calls, so that the client's
 * upload-then-deploy path is the same code against AWS and locally.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';
import { writeAtomic } from './store';

export const S3_PREFIX = '/s3/';

interface ObjectMeta {
  eTag: string;
  size: number;
  lastModified: string;
  contentType?: string;
}

export class LocalS3 {
  private seq = 0;
  constructor(private readonly root: string) {}

  private paths(bucket: string, key: string): { data: string; meta: string } {
    // One flat file name per key; dots are encoded too, so `.` and `..` can never leave the store.
    const safe = (s: string) => encodeURIComponent(s).replace(/\./g, '%2E');
    const dir = path.join(this.root, safe(bucket));
    const base = path.join(dir, safe(key));
    return { data: `${base}.data`, meta: `${base}.meta.json` };
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

  delete(bucket: string, key: string): void {
    const p = this.paths(bucket, key);
    fs.rmSync(p.data, { force: true });
    fs.rmSync(p.meta, { force: true });
  }
}

function xmlError(res: ServerResponse, status: number, code: string, message: string, resource: string): void {
  const esc = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${esc(message)}</Message><Resource>${esc(resource)}</Resource><RequestId>local</RequestId></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': 'local' });
  res.end(body);
}

/** Decodes `aws-chunked` bodies (streaming uploads with trailing checksums) into the plain bytes. */
export function decodeAwsChunked(buf: Buffer): Buffer {
  const parts: Buffer[] = [];
  let off = 0;
  while (off < buf.length) {
    const eol = buf.indexOf('\r\n', off);
    if (eol < 0) break;
    const size = parseInt(buf.subarray(off, eol).toString('latin1').split(';')[0], 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(buf.subarray(eol + 2, eol + 2 + size));
    off = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Handles one S3 request whose path starts with `/s3/`; `body` is the full request body. */
export function handleS3(store: LocalS3, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  // The raw path, not a parsed URL: URL parsing would resolve `..` segments before the checks below.
  const pathname = (req.url ?? '/').split('?')[0];
  const rest = pathname.slice(S3_PREFIX.length);
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
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    return xmlError(res, 400, 'InvalidBucketName', 'The specified bucket is not valid.', resource);
  }
  if (!key) {
    // Bucket-level calls (HeadBucket, CreateBucket): buckets exist implicitly.
    res.writeHead(200, { 'x-amz-request-id': 'local' });
    return void res.end();
  }
  switch (req.method) {
    case 'PUT': {
      const chunked =
        String(req.headers['content-encoding'] ?? '').includes('aws-chunked') ||
        String(req.headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
      const meta = store.put(bucket, key, chunked ? decodeAwsChunked(body) : body, req.headers['content-type']);
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
      res.writeHead(200, {
        etag: meta.eTag,
        'content-length': String(meta.size),
        'content-type': meta.contentType ?? 'application/octet-stream',
        'last-modified': meta.lastModified,
        'x-amz-request-id': 'local',
      });
      return void res.end(req.method === 'GET' ? data : undefined);
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
