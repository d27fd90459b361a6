import { MAX_IMAGE_BYTES, MAX_IMAGE_SIDE } from '../../../contracts/media.ts';
import { AppError } from '../errors.ts';
import type { ImageContentType } from './tables.ts';

// Reads an uploaded image without trusting anything said about it: the type comes from the file's
// own first bytes (JPEG, PNG and WebP only; SVG, HTML and everything else are refused), the width and
// height from its header (PNG IHDR, JPEG SOF, WebP VP8/VP8L/VP8X), and the metadata that can carry
// where a photo was taken or who took it is cut out: JPEG APP1 (EXIF, XMP), APP13 (IPTC) and comments,
// PNG eXIf and text chunks, WebP EXIF and XMP chunks. The pixels are kept byte for byte (no decoding,
// no re-encoding, no native library). A JPEG's EXIF Orientation (2–8) alone is written back in a
// minimal EXIF segment of its own, so a phone photo taken upright is still shown upright.

export { MAX_IMAGE_BYTES, MAX_IMAGE_SIDE };

export interface CheckedImage {
  contentType: ImageContentType;
  bytes: Buffer;
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type the first bytes say, or null for anything that is not a JPEG, PNG or WebP. */
export function sniffImageType(bytes: Buffer): ImageContentType | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 16 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  return null;
}

const damaged = () => new AppError('media_damaged', 422);

/** Checks an upload and answers it cleaned, or throws a 413, 415 or 422 AppError. */
export function checkImage(input: Buffer): CheckedImage {
  if (input.length > MAX_IMAGE_BYTES) throw new AppError('media_too_large', 413, { mb: 2 });
  const contentType = sniffImageType(input);
  if (!contentType) throw new AppError('media_type_not_allowed', 415);
  const cleaned =
    contentType === 'image/jpeg'
      ? cleanJpeg(input)
      : contentType === 'image/png'
        ? cleanPng(input)
        : cleanWebp(input);
  const { width, height } = cleaned;
  if (width < 1 || height < 1) throw damaged();
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE)
    throw new AppError('media_too_many_pixels', 422, { max: MAX_IMAGE_SIDE });
  return { contentType, bytes: cleaned.bytes, width, height };
}

interface Cleaned {
  bytes: Buffer;
  width: number;
  height: number;
}

// JPEG markers of a frame header (SOF0–SOF15 without DHT C4, JPG C8 and DAC CC).
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
// APP1 (EXIF, XMP), APP13 (Photoshop/IPTC), COM: what may say where, when and by whom.
const JPEG_DROPPED = new Set([0xe1, 0xed, 0xfe]);

/** Walks the segments up to the scan, dropping the metadata ones; the scan and what follows are kept. */
export function cleanJpeg(input: Buffer): Cleaned {
  const parts: Buffer[] = [input.subarray(0, 2)]; // SOI
  let at = 2;
  let width = 0;
  let height = 0;
  let exifSeen = false;
  for (;;) {
    if (at + 4 > input.length || input[at] !== 0xff) throw damaged();
    let markerAt = at + 1;
    while (markerAt < input.length && input[markerAt] === 0xff) markerAt++; // fill bytes
    const marker = input[markerAt];
    if (marker === undefined || marker === 0xd9) throw damaged(); // no scan before the end
    const segmentStart = markerAt + 1;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      parts.push(input.subarray(at, segmentStart)); // markers without a length
      at = segmentStart;
      continue;
    }
    if (segmentStart + 2 > input.length) throw damaged();
    const length = input.readUInt16BE(segmentStart);
    const end = segmentStart + length;
    if (length < 2 || end > input.length) throw damaged();
    if (SOF.has(marker)) {
      if (length < 7) throw damaged();
      height = input.readUInt16BE(segmentStart + 3);
      width = input.readUInt16BE(segmentStart + 5);
    }
    if (marker === 0xda) {
      if (width === 0 || height === 0) throw damaged(); // a scan before any frame header
      parts.push(input.subarray(at)); // the scan, further segments and EOI, as they are
      break;
    }
    if (!JPEG_DROPPED.has(marker)) parts.push(input.subarray(at, end));
    else if (marker === 0xe1 && !exifSeen && isExif(input, segmentStart + 2, end)) {
      // The first EXIF segment is the one decoders read: only its Orientation stays, in its place.
      exifSeen = true;
      const orientation = exifOrientation(input.subarray(segmentStart + 2, end));
      if (orientation !== null && orientation !== 1) parts.push(orientationSegment(orientation));
    }
    at = end;
  }
  return { bytes: Buffer.concat(parts), width, height };
}

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const ORIENTATION_TAG = 0x0112;
const SHORT = 3;

const isExif = (input: Buffer, from: number, end: number) =>
  end - from >= EXIF_HEADER.length && input.subarray(from, from + EXIF_HEADER.length).equals(EXIF_HEADER);

/**
 * The Orientation (1–8) in IFD0 of an APP1 EXIF payload ('Exif\0\0' and a TIFF structure), or null
 * when it has none or anything about it is out of place (a damaged EXIF is dropped like any other).
 */
export function exifOrientation(app1: Buffer): number | null {
  const tiff = app1.subarray(EXIF_HEADER.length);
  if (tiff.length < 8) return null;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd < 8 || ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  if (ifd + 2 + count * 12 > tiff.length) return null; // a directory that does not fit is not read
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (u16(entry) !== ORIENTATION_TAG) continue;
    if (u16(entry + 2) !== SHORT || u32(entry + 4) !== 1) return null;
    const value = u16(entry + 8); // one SHORT sits in the entry itself
    return value >= 1 && value <= 8 ? value : null;
  }
  return null;
}

/** An APP1 segment holding EXIF with one IFD0 entry, the Orientation, and nothing else. */
export function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(26); // header 8, entry count 2, one entry 12, next IFD 4
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 right after the header
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(ORIENTATION_TAG, 10);
  tiff.writeUInt16BE(SHORT, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18); // the two bytes after it stay 0, as does the next IFD offset
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(2 + EXIF_HEADER.length + tiff.length, 2);
  return Buffer.concat([head, EXIF_HEADER, tiff]);
}

// Chunks that carry EXIF or free text (authors, places, dates); everything else is kept in order.
const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

export function cleanPng(input: Buffer): Cleaned {
  if (input.length < 33 || input.toString('latin1', 12, 16) !== 'IHDR' || input.readUInt32BE(8) !== 13)
    throw damaged();
  const width = input.readUInt32BE(16);
  const height = input.readUInt32BE(20);
  const parts: Buffer[] = [input.subarray(0, 8)];
  let at = 8;
  let ended = false;
  while (!ended) {
    if (at + 12 > input.length) throw damaged();
    const length = input.readUInt32BE(at);
    const type = input.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > input.length) throw damaged();
    if (!PNG_DROPPED.has(type)) parts.push(input.subarray(at, end));
    ended = type === 'IEND';
    at = end;
  }
  return { bytes: Buffer.concat(parts), width, height };
}

const WEBP_DROPPED = new Set(['EXIF', 'XMP ']);

export function cleanWebp(input: Buffer): Cleaned {
  const riffEnd = 8 + input.readUInt32LE(4);
  if (riffEnd > input.length || input.length < 30) throw damaged();
  const parts: Buffer[] = [];
  let width = 0;
  let height = 0;
  let at = 12;
  let vp8x: Buffer | null = null;
  while (at + 8 <= riffEnd) {
    const type = input.toString('latin1', at, at + 4);
    const size = input.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2); // chunks are padded to an even size
    if (end > riffEnd) throw damaged();
    const data = at + 8;
    if (type === 'VP8X' && size >= 10) {
      width = 1 + input.readUIntLE(data + 4, 3);
      height = 1 + input.readUIntLE(data + 7, 3);
      vp8x = Buffer.from(input.subarray(at, end));
      vp8x[8] &= ~0x0c; // the EXIF (0x08) and XMP (0x04) flags: those chunks are dropped
      parts.push(vp8x);
    } else {
      if (type === 'VP8 ' && !vp8x) {
        if (size < 10 || input[data + 3] !== 0x9d || input[data + 4] !== 0x01 || input[data + 5] !== 0x2a)
          throw damaged();
        width = input.readUInt16LE(data + 6) & 0x3fff;
        height = input.readUInt16LE(data + 8) & 0x3fff;
      } else if (type === 'VP8L' && !vp8x) {
        if (size < 5 || input[data] !== 0x2f) throw damaged();
        const bits = input.readUInt32LE(data + 1);
        width = (bits & 0x3fff) + 1;
        height = ((bits >> 14) & 0x3fff) + 1;
      }
      if (!WEBP_DROPPED.has(type)) parts.push(input.subarray(at, end));
    }
    at = end;
  }
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(4 + body.length, 4);
  header.write('WEBP', 8, 'latin1');
  return { bytes: Buffer.concat([header, body]), width, height };
}
