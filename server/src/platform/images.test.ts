import { describe, expect, it } from 'vitest';
import { jpegWithExif } from '../../test/files.fixtures';
import { AppError } from './errors';
import { cleanAttachment } from './images';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}

function pngWithText(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.alloc(13)),
    chunk('tEXt', Buffer.from('Location\u0000Hanbin', 'latin1')),
    chunk('eXIf', Buffer.from('GPS', 'latin1')),
    chunk('IDAT', Buffer.from([1, 2, 3])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('attachments: type check and metadata removal', () => {
  it('removes EXIF, comments and other metadata from a JPEG and keeps the image', () => {
    const clean = cleanAttachment(jpegWithExif(), 'image/jpeg');
    const text = clean.toString('latin1');
    expect(text).not.toContain('GPS');
    expect(text).not.toContain('camera comment');
    expect(text).toContain('JFIF');
    expect(text).toContain('ICC_PROFILE');
    expect(clean.subarray(-5)).toEqual(Buffer.from([0x12, 0x34, 0x56, 0xff, 0xd9]));
  });

  it('keeps only the orientation of a phone photo’s EXIF', () => {
    // Little-endian TIFF with two entries: Orientation = 6 (rotate 90°) and a GPS pointer.
    const tiff = Buffer.alloc(8 + 2 + 24 + 4 + 20);
    tiff.write('II', 0, 'latin1');
    tiff.writeUInt16LE(42, 2);
    tiff.writeUInt32LE(8, 4);
    tiff.writeUInt16LE(2, 8);
    tiff.writeUInt16LE(0x0112, 10);
    tiff.writeUInt16LE(3, 12);
    tiff.writeUInt32LE(1, 14);
    tiff.writeUInt16LE(6, 18);
    tiff.writeUInt16LE(0x8825, 22);
    tiff.writeUInt16LE(4, 24);
    tiff.writeUInt32LE(1, 26);
    tiff.writeUInt32LE(38, 30);
    tiff.write('GPS 32.68N 109.02E', 38, 'latin1');
    const exif = Buffer.concat([Buffer.from('Exif\u0000\u0000', 'latin1'), tiff]);
    const head = Buffer.alloc(4);
    head.writeUInt16BE(0xffe1, 0);
    head.writeUInt16BE(exif.length + 2, 2);
    const photo = jpegWithExif();
    const withOrientation = Buffer.concat([photo.subarray(0, 2), head, exif, photo.subarray(2)]);
    const clean = cleanAttachment(withOrientation, 'image/jpeg');
    expect(clean.toString('latin1')).not.toContain('GPS');
    const at = clean.indexOf(Buffer.from('Exif\u0000\u0000MM', 'latin1'));
    expect(at).toBeGreaterThan(0);
    expect(clean.readUInt16BE(at + 6 + 10)).toBe(0x0112);
    expect(clean.readUInt16BE(at + 6 + 18)).toBe(6);
  });

  it('removes text and EXIF chunks from a PNG', () => {
    const clean = cleanAttachment(pngWithText(), 'image/png').toString('latin1');
    expect(clean).not.toContain('Hanbin');
    expect(clean).not.toContain('GPS');
    expect(clean).toContain('IDAT');
    expect(clean).toContain('IEND');
  });

  it('refuses a file whose first bytes do not match its type, or a truncated image', () => {
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (err) {
        return err instanceof AppError ? err.code : 'other';
      }
      return 'none';
    };
    expect(code(() => cleanAttachment(Buffer.from('<html>'), 'image/jpeg'))).toBe('ATTACHMENT_TYPE_INVALID');
    expect(code(() => cleanAttachment(pngWithText(), 'image/jpeg'))).toBe('ATTACHMENT_TYPE_INVALID');
    expect(code(() => cleanAttachment(jpegWithExif().subarray(0, 30), 'image/jpeg'))).toBe(
      'ATTACHMENT_TYPE_INVALID',
    );
    expect(code(() => cleanAttachment(Buffer.from('%PDF-1.7 …'), 'application/pdf'))).toBe('none');
  });
});
