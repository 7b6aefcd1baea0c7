/**
 * The wire side of multipart uploads (s3Multipart.ts): which request is which call, and S3's XML answers.
 * The method and query are checked before a body is read; only UploadPart and CompleteMultipartUpload read one.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendXml, xmlError, xmlText } from './s3List';
import { MAX_PART_NUMBER, MultipartError, parseCompleteBody, type LocalMultipart } from './s3Multipart';

/** Reads the request's payload (aws-chunked decoded) up to `limit` bytes; undefined when it is larger. */
export type PayloadReader = (limit?: number) => Promise<Buffer | undefined>;

/** The object store's side of completing an upload: the part files, in order, become the object. */
export interface MultipartTarget {
  multipart: LocalMultipart;
  putFiles(bucket: string, key: string, files: string[], eTag: string, size: number): unknown;
}

/** A CompleteMultipartUpload body lists at most 10,000 parts of about 100 bytes each. */
const MAX_COMPLETE_BODY = 2 * 1024 * 1024;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';

/** True when the request is a multipart call on an object (`?uploads` or `?uploadId=`); it is then answered. */
export async function multipartObjectCall(
  store: MultipartTarget,
  req: IncomingMessage,
  res: ServerResponse,
  bucket: string,
  key: string,
  params: URLSearchParams,
  readPayload: PayloadReader,
  maxObject: number,
): Promise<boolean> {
  const uploadId = params.get('uploadId');
  if (!params.has('uploads') && uploadId === null) return false;
  const resource = `/${bucket}/${key}`;
  try {
    if (req.method === 'POST' && params.has('uploads')) {
      const id = store.multipart.create(bucket, key);
      sendXml(
        res,
        200,
        `${XML_HEAD}<InitiateMultipartUploadResult ${NS}><Bucket>${xmlText(bucket)}</Bucket><Key>${xmlText(key)}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`,
      );
      return true;
    }
    if (uploadId === null) {
      xmlError(res, 405, 'MethodNotAllowed', `The ${req.method} method is not allowed with ?uploads.`, resource);
      return true;
    }
    switch (req.method) {
      case 'PUT':
        await uploadPart(store.multipart, req, res, { bucket, key, uploadId }, params, readPayload, maxObject);
        return true;
      case 'POST':
        await completeUpload(store, res, { bucket, key, uploadId }, readPayload, maxObject);
        return true;
      case 'DELETE':
        store.multipart.abort(uploadId, bucket, key);
        res.writeHead(204, { 'x-amz-request-id': 'local' });
        res.end();
        return true;
      case 'GET':
        sendXml(res, 200, listPartsXml(store.multipart, bucket, key, uploadId));
        return true;
      default:
        xmlError(res, 405, 'MethodNotAllowed', `The ${req.method} method is not allowed with ?uploadId.`, resource);
        return true;
    }
  } catch (err) {
    if (!(err instanceof MultipartError)) throw err;
    xmlError(res, err.status, err.code, err.message, resource);
    return true;
  }
}

interface UploadRef {
  bucket: string;
  key: string;
  uploadId: string;
}

async function uploadPart(
  multipart: LocalMultipart,
  req: IncomingMessage,
  res: ServerResponse,
  ref: UploadRef,
  params: URLSearchParams,
  readPayload: PayloadReader,
  maxObject: number,
): Promise<void> {
  const text = params.get('partNumber') ?? '';
  const partNumber = /^\d{1,5}$/.test(text) ? Number(text) : 0;
  if (partNumber < 1 || partNumber > MAX_PART_NUMBER) {
    throw new MultipartError(
      400,
      'InvalidArgument',
      `Part number must be an integer between 1 and ${MAX_PART_NUMBER}.`,
    );
  }
  if (req.headers['x-amz-copy-source'] !== undefined) {
    throw new MultipartError(501, 'NotImplemented', 'UploadPartCopy is not supported by the local S3 store.');
  }
  multipart.info(ref.uploadId, ref.bucket, ref.key);
  const body = await readPayload();
  if (!body) throw new MultipartError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.');
  const part = multipart.putPart(ref.uploadId, ref.bucket, ref.key, partNumber, body, maxObject);
  res.writeHead(200, { etag: part.eTag, 'x-amz-request-id': 'local' });
  res.end();
}

async function completeUpload(
  store: MultipartTarget,
  res: ServerResponse,
  ref: UploadRef,
  readPayload: PayloadReader,
  maxObject: number,
): Promise<void> {
  store.multipart.info(ref.uploadId, ref.bucket, ref.key);
  const body = await readPayload(MAX_COMPLETE_BODY);
  if (!body) throw new MultipartError(400, 'MalformedXML', `The part list is over ${MAX_COMPLETE_BODY} bytes.`);
  const list = parseCompleteBody(body.toString('utf8'));
  const eTag = store.multipart.complete(ref.uploadId, ref.bucket, ref.key, list, maxObject, (files, tag, size) => {
    store.putFiles(ref.bucket, ref.key, files, tag, size);
    return tag;
  });
  const location = `/${encodeURIComponent(ref.bucket)}/${ref.key.split('/').map(encodeURIComponent).join('/')}`;
  sendXml(
    res,
    200,
    `${XML_HEAD}<CompleteMultipartUploadResult ${NS}><Location>${xmlText(location)}</Location><Bucket>${xmlText(ref.bucket)}</Bucket><Key>${xmlText(ref.key)}</Key><ETag>${xmlText(eTag)}</ETag></CompleteMultipartUploadResult>`,
  );
}

function listPartsXml(multipart: LocalMultipart, bucket: string, key: string, uploadId: string): string {
  const info = multipart.info(uploadId, bucket, key);
  const parts = multipart
    .parts(uploadId, bucket, key)
    .map(
      (p) =>
        `<Part><PartNumber>${p.partNumber}</PartNumber><LastModified>${p.lastModified}</LastModified><ETag>${xmlText(p.eTag)}</ETag><Size>${p.size}</Size></Part>`,
    )
    .join('');
  return `${XML_HEAD}<ListPartsResult ${NS}><Bucket>${xmlText(bucket)}</Bucket><Key>${xmlText(key)}</Key><UploadId>${info.uploadId}</UploadId><StorageClass>STANDARD</StorageClass><PartNumberMarker>0</PartNumberMarker><MaxParts>${MAX_PART_NUMBER}</MaxParts><IsTruncated>false</IsTruncated>${parts}</ListPartsResult>`;
}

/** ListMultipartUploads (`GET /<bucket>?uploads`): every upload in progress in the bucket, on one page. */
export function listUploadsXml(multipart: LocalMultipart, bucket: string): string {
  const uploads = multipart
    .uploads(bucket)
    .map(
      (u) =>
        `<Upload><Key>${xmlText(u.key)}</Key><UploadId>${u.uploadId}</UploadId><Initiated>${u.initiated}</Initiated><StorageClass>STANDARD</StorageClass></Upload>`,
    )
    .join('');
  return `${XML_HEAD}<ListMultipartUploadsResult ${NS}><Bucket>${xmlText(bucket)}</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>${uploads}</ListMultipartUploadsResult>`;
}
