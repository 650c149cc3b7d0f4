/** Small files of the formats the API accepts, built byte by byte. */

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** A structurally valid JPEG: JFIF, EXIF with a position, a comment, a colour profile, the scan. */
export function jpegWithExif(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\u0000\u0001\u0001\u0000\u0000\u0001\u0000\u0001\u0000\u0000', 'latin1')),
    segment(0xe1, Buffer.from('Exif\u0000\u0000GPS 32.68N 109.02E', 'latin1')),
    segment(0xe2, Buffer.from('ICC_PROFILE\u0000', 'latin1')),
    segment(0xfe, Buffer.from('camera comment', 'latin1')),
    segment(0xda, Buffer.from([0x01, 0x01, 0x00, 0x00, 0x3f, 0x00])),
    Buffer.from([0x12, 0x34, 0x56, 0xff, 0xd9]),
  ]);
}
