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
