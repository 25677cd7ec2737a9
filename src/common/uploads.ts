import { IntrinsicException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * An upload its route refuses: the HTTP status and what the client should fix, answered as
 * `{ code: 'BAD_REQUEST', message }` (HttpErrorFilter).
 */
export class UploadRefused extends IntrinsicException {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

/** What an upload route reads, and what it says of each way an upload goes wrong. */
export interface UploadRules<F extends string> {
  /** The file fields it reads, each at most once; no other field. */
  fields: readonly F[];
  /** Each file's size limit, in bytes. */
  fileSize: number;
  /** 415: the body is not multipart/form-data. */
  notMultipart: string;
  /** 413: a file is over `fileSize`. */
  tooLarge: string;
  /** 400: more parts than fields, or a body that is not well-formed multipart. */
  tooMany: string;
  /** 400: a form field, or a file in a field not among `fields`. */
  unexpectedField: (name: string) => string;
}

/** The files of a multipart/form-data upload, by field, as the rules allow; any other upload is refused (UploadRefused). */
export async function readUploads<F extends string>(request: FastifyRequest, rules: UploadRules<F>): Promise<Partial<Record<F, Buffer>>> {
  if (!request.isMultipart()) throw new UploadRefused(415, rules.notMultipart);
  const files: Partial<Record<F, Buffer>> = {};
  const count = rules.fields.length;
  try {
    for await (const part of request.parts({ limits: { fileSize: rules.fileSize, files: count, fields: 0, parts: count } })) {
      const name = part.fieldname as F;
      if (part.type !== 'file' || !rules.fields.includes(name)) throw new UploadRefused(400, rules.unexpectedField(part.fieldname));
      if (files[name]) throw new UploadRefused(400, `The field "${name}" was sent twice`);
      files[name] = await part.toBuffer();
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new UploadRefused(413, rules.tooLarge);
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new UploadRefused(415, rules.notMultipart);
    if (code?.startsWith('FST_')) throw new UploadRefused(400, rules.tooMany);
    throw error;
  }
  return files;
}
