/**
 * The listing calls of the local S3 store, in the XML shapes of the S3 API reference: ListBuckets
 * (`GET /s3`), ListObjectsV2 (`GET /s3/<bucket>?list-type=2`) and ListObjects (`GET /s3/<bucket>`),
 * with prefix, delimiter (CommonPrefixes), max-keys, continuation token / start-after / marker and
 * `encoding-type=url`. Enough for `aws s3 ls` and the SDKs' paginators.
 */
import type { ServerResponse } from 'node:http';

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
/** S3 answers at most 1000 keys per page, whatever max-keys asks for. */
export const MAX_KEYS = 1000;
const OWNER_ID = 'local';

export interface ListedObject {
  key: string;
  size: number;
  eTag: string;
  /** ISO 8601 */
  lastModified: string;
}

export interface BucketEntry {
  name: string;
  /** ISO 8601 */
  created: string;
}

/** What the store offers the listing: every key of a bucket, and an object's details on demand. */
export interface ListSource {
  keys(bucket: string): string[];
  describe(bucket: string, key: string): ListedObject | undefined;
  buckets(): BucketEntry[];
}

/** Escapes text for XML 1.0 content; characters XML cannot carry become numeric references, as S3 does. */
export function xmlText(s: string): string {
  return s.replace(
    /[<>&"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
    (c) => `&#x${c.charCodeAt(0).toString(16)};`,
  );
}

/** A 400 with S3's error shape when a listing parameter is out of range. */
export class ListParameterError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** UTF-8 byte order, the order S3 lists keys in. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

interface Page {
  contents: string[];
  prefixes: string[];
  truncated: boolean;
  /** The last key or common prefix of the page (the next page starts after it). */
  last?: string;
}

/** One page of keys after `after`, grouped by `delimiter`, at most `maxKeys` entries (keys plus prefixes). */
export function listPage(
  allKeys: readonly string[],
  opts: { prefix: string; delimiter: string; after: string; maxKeys: number },
): Page {
  const keys = allKeys.filter((k) => k.startsWith(opts.prefix)).sort(byteOrder);
  const page: Page = { contents: [], prefixes: [], truncated: false };
  for (const key of keys) {
    let item = key;
    let isPrefix = false;
    if (opts.delimiter) {
      const at = key.indexOf(opts.delimiter, opts.prefix.length);
      if (at >= 0) {
        item = key.slice(0, at + opts.delimiter.length);
        isPrefix = true;
      }
    }
    if (opts.after && byteOrder(item, opts.after) <= 0) continue;
    if (isPrefix && page.prefixes.at(-1) === item) continue;
    if (page.contents.length + page.prefixes.length >= opts.maxKeys) {
      page.truncated = true;
      break;
    }
    if (isPrefix) page.prefixes.push(item);
    else page.contents.push(item);
    page.last = item;
  }
  return page;
}

function parseMaxKeys(raw: string | null): number {
  if (raw === null || raw === '') return MAX_KEYS;
  if (!/^\d{1,10}$/.test(raw))
    throw new ListParameterError('InvalidArgument', 'Provided max-keys not an integer or within integer range');
  return Math.min(Number(raw), MAX_KEYS);
}

function decodeToken(token: string): string {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!token || Buffer.from(text, 'utf8').toString('base64url') !== token)
    throw new ListParameterError('InvalidArgument', 'The continuation token provided is incorrect');
  return text;
}

/** Builds the ListObjects (V1) or ListObjectsV2 answer for `bucket` from the query parameters. */
export function listObjectsXml(source: ListSource, bucket: string, query: URLSearchParams): string {
  const v2 = query.get('list-type') === '2';
  const encoding = query.get('encoding-type');
  if (encoding !== null && encoding !== 'url')
    throw new ListParameterError('InvalidArgument', 'Invalid Encoding Method specified in Request');
  const enc = (s: string) => xmlText(encoding === 'url' ? encodeURIComponent(s) : s);
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const maxKeys = parseMaxKeys(query.get('max-keys'));
  const token = v2 ? query.get('continuation-token') : null;
  const startAfter = v2 ? (query.get('start-after') ?? '') : '';
  const marker = v2 ? '' : (query.get('marker') ?? '');
  const after = token !== null ? decodeToken(token) : v2 ? startAfter : marker;
  const page = listPage(source.keys(bucket), { prefix, delimiter, after, maxKeys });

  const out: string[] = [`<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="${S3_XMLNS}">`];
  const tag = (name: string, value: string | number | boolean) => out.push(`<${name}>${value}</${name}>`);
  tag('Name', xmlText(bucket));
  tag('Prefix', enc(prefix));
  if (v2) {
    if (token !== null) tag('ContinuationToken', xmlText(token));
    if (startAfter) tag('StartAfter', enc(startAfter));
    tag('KeyCount', page.contents.length + page.prefixes.length);
  } else {
    tag('Marker', enc(marker));
  }
  tag('MaxKeys', maxKeys);
  if (delimiter) tag('Delimiter', enc(delimiter));
  if (encoding) tag('EncodingType', 'url');
  tag('IsTruncated', page.truncated);
  if (page.truncated && page.last !== undefined) {
    if (v2) tag('NextContinuationToken', Buffer.from(page.last, 'utf8').toString('base64url'));
    else if (delimiter) tag('NextMarker', enc(page.last));
  }
  for (const key of page.contents) {
    const o = source.describe(bucket, key);
    if (!o) continue;
    out.push(
      `<Contents><Key>${enc(o.key)}</Key><LastModified>${o.lastModified}</LastModified><ETag>${xmlText(o.eTag)}</ETag><Size>${o.size}</Size>`,
      v2 ? '' : `<Owner><ID>${OWNER_ID}</ID><DisplayName>${OWNER_ID}</DisplayName></Owner>`,
      '<StorageClass>STANDARD</StorageClass></Contents>',
    );
  }
  for (const p of page.prefixes) out.push(`<CommonPrefixes><Prefix>${enc(p)}</Prefix></CommonPrefixes>`);
  out.push('</ListBucketResult>');
  return out.join('');
}

export function listBucketsXml(source: ListSource): string {
  const buckets = source
    .buckets()
    .sort((a, b) => byteOrder(a.name, b.name))
    .map((b) => `<Bucket><Name>${xmlText(b.name)}</Name><CreationDate>${b.created}</CreationDate></Bucket>`);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult xmlns="${S3_XMLNS}">` +
    `<Owner><ID>${OWNER_ID}</ID><DisplayName>${OWNER_ID}</DisplayName></Owner>` +
    `<Buckets>${buckets.join('')}</Buckets></ListAllMyBucketsResult>`
  );
}

export function sendXml(res: ServerResponse, status: number, xml: string): void {
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(xml),
    'x-amz-request-id': 'local',
  });
  res.end(xml);
}

export function xmlError(res: ServerResponse, status: number, code: string, message: string, resource: string): void {
  sendXml(
    res,
    status,
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlText(message)}</Message><Resource>${xmlText(resource)}</Resource><RequestId>local</RequestId></Error>`,
  );
}
