import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { FILE_NAME_HEADER, MAX_ATTACHMENT_BYTES } from '../contract.ts';
import { caseErrors } from '../errors.ts';
import type { Upload } from './service.ts';

/**
 * Files travel as the raw request body (no multipart): the parser for these types is
 * registered in the cases plugin only. The declared type is not trusted; the bytes decide.
 */
const uploadTypes = ['application/octet-stream', 'image/jpeg', 'image/png', 'image/heic', 'image/heif', 'application/pdf'];

export function acceptFileUploads(app: FastifyInstance) {
  app.addContentTypeParser(uploadTypes, { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) => done(null, body));
}

export const uploadRouteOptions = {
  bodyLimit: MAX_ATTACHMENT_BYTES,
  // Refuse a too-large file by its declared length, with the file message, before reading it.
  onRequest: async (request: FastifyRequest) => {
    if (Number(request.headers['content-length'] ?? 0) > MAX_ATTACHMENT_BYTES) throw caseErrors.fileTooLarge(MAX_ATTACHMENT_BYTES);
  },
  preValidation: async (request: FastifyRequest) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!uploadTypes.includes(type)) throw caseErrors.fileTypeNotAllowed();
  },
};

export const uploadBodySchema = z.instanceof(Buffer).describe('The file itself (JPEG, PNG, HEIC or PDF, at most 10 MB); its name URI-encoded in X-File-Name');

export function uploadOf(request: FastifyRequest<{ Body: Buffer }>): Upload {
  const header = request.headers[FILE_NAME_HEADER];
  return { bytes: new Uint8Array(request.body.buffer, request.body.byteOffset, request.body.byteLength), fileName: Array.isArray(header) ? header[0] : header };
}

export function sendFile(reply: FastifyReply, file: { fileName: string; mediaType: string; byteSize: number; content: Uint8Array }) {
  const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', file.mediaType)
    .header('content-length', file.byteSize)
    .header('content-disposition', `inline; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(file.content));
}
