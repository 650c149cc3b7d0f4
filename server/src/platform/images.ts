import type { attachmentTypes } from '@lianxin/common';
import { AppError } from './errors';

export type AttachmentContentType = (typeof attachmentTypes)[number];

function isJpeg(b: Buffer): boolean {
  return b.length > 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function isPng(b: Buffer): boolean {
  return b.length > 8 && b.subarray(0, 8).equals(PNG_SIGNATURE);
}

function isPdf(b: Buffer): boolean {
  return b.subarray(0, 5).toString('latin1') === '%PDF-';
}

const EXIF_HEADER = Buffer.from('Exif\u0000\u0000', 'latin1');

/** The orientation tag (0x0112) of an EXIF segment's first directory, if it has one. */
function exifOrientation(payload: Buffer): number | null {
  if (payload.length < 20 || !payload.subarray(0, 6).equals(EXIF_HEADER)) return null;
  const tiff = payload.subarray(6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const entries = u16(ifd);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** An EXIF segment that says only which way up the picture is. */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  const payload = Buffer.concat([EXIF_HEADER, tiff]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/**
 * JPEG without its metadata segments: EXIF and XMP (APP1, where phones put the GPS position),
 * IPTC (APP13), other application data and comments. Kept: JFIF (APP0), the colour profile (APP2),
 * Adobe's colour transform (APP14), which decoding needs, and the orientation alone in a new
 * EXIF segment, so a phone photo still shows the right way up.
 */
function stripJpeg(b: Buffer): Buffer {
  const parts: Buffer[] = [b.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) throw new AppError('ATTACHMENT_TYPE_INVALID');
    const marker = b[i + 1] ?? 0;
    // Start of scan: the compressed image follows to the end; nothing more to strip.
    if (marker === 0xda) {
      parts.push(b.subarray(i));
      return Buffer.concat(parts);
    }
    const length = b.readUInt16BE(i + 2);
    const end = i + 2 + length;
    if (length < 2 || end > b.length) throw new AppError('ATTACHMENT_TYPE_INVALID');
    const metadata =
      (marker >= 0xe1 && marker <= 0xef && marker !== 0xe2 && marker !== 0xee) || marker === 0xfe;
    if (!metadata) parts.push(b.subarray(i, end));
    else if (marker === 0xe1) {
      const orientation = exifOrientation(b.subarray(i + 4, end));
      if (orientation !== null && orientation !== 1) parts.push(orientationSegment(orientation));
    }
    i = end;
  }
  throw new AppError('ATTACHMENT_TYPE_INVALID');
}

const PNG_METADATA = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

/** PNG without text chunks, EXIF and timestamps. */
function stripPng(b: Buffer): Buffer {
  const parts: Buffer[] = [b.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= b.length) {
    const length = b.readUInt32BE(i);
    const type = b.subarray(i + 4, i + 8).toString('latin1');
    const end = i + 12 + length;
    if (end > b.length) throw new AppError('ATTACHMENT_TYPE_INVALID');
    if (!PNG_METADATA.has(type)) parts.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  throw new AppError('ATTACHMENT_TYPE_INVALID');
}

/**
 * Checks that a file is what it says (by its first bytes, not its name) and removes what it
 * should not carry: a resident's photo loses the GPS position and camera data phones write in.
 */
export function cleanAttachment(content: Buffer, contentType: AttachmentContentType): Buffer {
  switch (contentType) {
    case 'image/jpeg':
      if (!isJpeg(content)) throw new AppError('ATTACHMENT_TYPE_INVALID');
      return stripJpeg(content);
    case 'image/png':
      if (!isPng(content)) throw new AppError('ATTACHMENT_TYPE_INVALID');
      return stripPng(content);
    case 'application/pdf':
      if (!isPdf(content)) throw new AppError('ATTACHMENT_TYPE_INVALID');
      return content;
  }
}
