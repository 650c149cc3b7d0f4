import { PublicAppealBody } from '@lianxin/common';

/** The photo part of a public submission, as the shared schema checks it. */
export const PublicPhoto = PublicAppealBody.shape.photo.unwrap();

export interface PreparedPhoto {
  contentType: 'image/jpeg' | 'image/png';
  /** The file in base64, as the submission carries it. */
  data: string;
  /** What is sent, for the preview. */
  blob: Blob;
}

// A phone photo is 3–8 MB at 4000 px; 1600 px at quality 0.85 is a few hundred kilobytes and
// still shows a pothole or a broken lamp clearly, and goes up on a slow line.
const MAX_SIDE = 1600;
const JPEG_QUALITY = 0.85;
const KEEP_BYTES = 3 * 1024 * 1024;

export class PhotoError extends Error {
  constructor(readonly reason: 'unreadable' | 'tooBig') {
    super(reason);
    this.name = 'PhotoError';
  }
}

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new PhotoError('unreadable'));
    reader.readAsDataURL(blob);
  });
}

function jpegOf(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new PhotoError('unreadable'))),
      'image/jpeg',
      JPEG_QUALITY,
    ),
  );
}

/**
 * Makes a chosen picture ready to send: at most 1600 px on its longer side, as a JPEG. Only a PNG
 * that is already small enough goes as it is. Redrawing also turns the picture the way the phone
 * held it (browsers apply the EXIF orientation when drawing) and leaves the GPS position and camera
 * data behind; the server removes them again from whatever it is sent.
 */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    try {
      await image.decode();
    } catch {
      throw new PhotoError('unreadable');
    }
    const width = image.naturalWidth;
    const height = image.naturalHeight;
    if (width === 0 || height === 0) throw new PhotoError('unreadable');
    let prepared: PreparedPhoto;
    if (file.type === 'image/png' && Math.max(width, height) <= MAX_SIDE && file.size <= KEEP_BYTES) {
      prepared = { contentType: 'image/png', data: await base64Of(file), blob: file };
    } else {
      const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(width * scale));
      canvas.height = Math.max(1, Math.round(height * scale));
      const context = canvas.getContext('2d');
      if (!context) throw new PhotoError('unreadable');
      // A transparent PNG would turn black as a JPEG.
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      const blob = await jpegOf(canvas);
      prepared = { contentType: 'image/jpeg', data: await base64Of(blob), blob };
    }
    if (!PublicPhoto.safeParse({ contentType: prepared.contentType, data: prepared.data }).success) {
      throw new PhotoError('tooBig');
    }
    return prepared;
  } finally {
    URL.revokeObjectURL(url);
  }
}
