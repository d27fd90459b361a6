import { encodePng, pngChunk } from './png.ts';

// Images built in the tests (no files): a PNG, a JPEG carrying EXIF with a GPS position, an SVG with
// a script, a WebP header.

export const GPS_MARK = 'GPSLatitude 37.5665 N';

/** A small striped PNG; `withText` adds a tEXt chunk naming a place. */
export function testPng(width = 40, height = 30, withText = false): Buffer {
  const extra = withText ? [pngChunk('tEXt', Buffer.from(`Comment\0${GPS_MARK}`, 'latin1'))] : [];
  return encodePng(width, height, (x) => (x % 2 ? [30, 120, 200] : [250, 250, 250]), extra);
}

function segment(marker: number, data: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

/** An EXIF payload whose IFD0 is only GPS_MARK: not a readable TIFF directory (its count runs past the end). */
export const BROKEN_EXIF = Buffer.from(`Exif\0\0MM\0*\0\0\0\x08${GPS_MARK}`, 'latin1');

interface ExifEntry {
  tag: number;
  type: number; // 2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL
  count: number;
  data: Buffer; // the value's bytes in the file's byte order
}

/**
 * An APP1 EXIF payload as a phone writes one: IFD0 with the camera make, a date, ImageDescription
 * (GPS_MARK), the Orientation when given and a pointer to a GPS IFD (latitude 37° 33′ N). `le` writes
 * it little-endian ('II'), as many phones do. `orientationType` lets a test write a wrong type.
 */
export function phoneExif(
  options: { orientation?: number; le?: boolean; orientationType?: number; gps?: boolean } = {},
): Buffer {
  const { orientation, le = false, orientationType = 3, gps = true } = options;
  const u16 = (n: number) => {
    const b = Buffer.alloc(2);
    le ? b.writeUInt16LE(n) : b.writeUInt16BE(n);
    return b;
  };
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    le ? b.writeUInt32LE(n) : b.writeUInt32BE(n);
    return b;
  };
  const ascii = (text: string) => Buffer.from(`${text}\0`, 'latin1');
  const gpsEntries: ExifEntry[] = [
    { tag: 0x0001, type: 2, count: 2, data: ascii('N') },
    {
      tag: 0x0002,
      type: 5,
      count: 3,
      data: Buffer.concat([u32(37), u32(1), u32(33), u32(1), u32(0), u32(1)]),
    },
  ];
  const ifd0: ExifEntry[] = [
    { tag: 0x010e, type: 2, count: GPS_MARK.length + 1, data: ascii(GPS_MARK) },
    { tag: 0x010f, type: 2, count: 10, data: ascii('PhoneMake') },
    ...(orientation === undefined
      ? []
      : [{ tag: 0x0112, type: orientationType, count: 1, data: Buffer.concat([u16(orientation), u16(0)]) }]),
    { tag: 0x0132, type: 2, count: 20, data: ascii('2026:05:01 10:20:30') },
    ...(gps ? [{ tag: 0x8825, type: 4, count: 1, data: Buffer.alloc(4) }] : []), // offset filled below
  ];
  // Layout: header, IFD0, its values, the GPS IFD, its values.
  const ifdSize = (entries: ExifEntry[]) => 2 + entries.length * 12 + 4;
  const valuesSize = (entries: ExifEntry[]) =>
    entries.reduce((n, e) => n + (e.data.length > 4 ? e.data.length + (e.data.length % 2) : 0), 0);
  const gpsAt = 8 + ifdSize(ifd0) + valuesSize(ifd0);
  const pointer = ifd0.find((e) => e.tag === 0x8825);
  if (pointer) pointer.data = u32(gpsAt);
  const directory = (entries: ExifEntry[], at: number) => {
    let valueAt = at + ifdSize(entries);
    const heads: Buffer[] = [u16(entries.length)];
    const values: Buffer[] = [];
    for (const e of entries) {
      heads.push(u16(e.tag), u16(e.type), u32(e.count));
      if (e.data.length <= 4) heads.push(Buffer.concat([e.data, Buffer.alloc(4 - e.data.length)]));
      else {
        heads.push(u32(valueAt));
        const padded = Buffer.concat([e.data, Buffer.alloc(e.data.length % 2)]);
        values.push(padded);
        valueAt += padded.length;
      }
    }
    heads.push(u32(0));
    return Buffer.concat([...heads, ...values]);
  };
  const header = Buffer.concat([Buffer.from(le ? 'II' : 'MM', 'latin1'), u16(42), u32(8)]);
  return Buffer.concat([
    Buffer.from('Exif\0\0', 'latin1'),
    header,
    directory(ifd0, 8),
    ...(gps ? [directory(gpsEntries, gpsAt)] : []),
  ]);
}

export interface ReadExif {
  /** IFD0's tags in order, with the value of each SHORT. */
  ifd0: Array<{ tag: number; short?: number }>;
  /** Whether IFD0 points to a GPS directory. */
  gps: boolean;
}

/**
 * Reads the EXIF APP1 segments of a JPEG (up to the scan) as a viewer would, on its own, without the
 * code under test. Throws when a segment's TIFF structure is not readable.
 */
export function readJpegExif(jpeg: Buffer): ReadExif[] {
  const found: ReadExif[] = [];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && jpeg[at + 1] !== 0xda) {
    const length = jpeg.readUInt16BE(at + 2);
    const data = jpeg.subarray(at + 4, at + 2 + length);
    if (jpeg[at + 1] === 0xe1 && data.toString('latin1', 0, 6) === 'Exif\0\0') {
      const tiff = data.subarray(6);
      const le = tiff.toString('latin1', 0, 2) === 'II';
      const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
      const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
      if (u16(2) !== 42) throw new Error('not TIFF');
      const ifd = u32(4);
      const ifd0: ReadExif['ifd0'] = [];
      for (let i = 0; i < u16(ifd); i++) {
        const e = ifd + 2 + i * 12;
        const tag = u16(e);
        ifd0.push(u16(e + 2) === 3 ? { tag, short: u16(e + 8) } : { tag });
      }
      found.push({ ifd0, gps: ifd0.some((e) => e.tag === 0x8825) });
    }
    at += 2 + length;
  }
  return found;
}

/**
 * A baseline JPEG's segments (not a picture a decoder would draw: the scan is a few bytes) with an
 * APP1 EXIF segment (by default BROKEN_EXIF; null for none), an XMP one, an APP13 and a comment,
 * each holding GPS_MARK.
 */
export function testJpeg(width = 640, height = 480, exif: Buffer | null = BROKEN_EXIF): Buffer {
  const sof = Buffer.alloc(15);
  sof[0] = 8;
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  sof[5] = 3;
  for (let i = 0; i < 3; i++) sof.set([i + 1, 0x11, 0], 6 + i * 3);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    ...(exif ? [segment(0xe1, exif)] : []),
    segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${GPS_MARK}</x:xmpmeta>`, 'latin1')),
    segment(0xed, Buffer.from(`Photoshop 3.0\0${GPS_MARK}`, 'latin1')),
    segment(0xfe, Buffer.from(GPS_MARK, 'latin1')),
    segment(0xdb, Buffer.alloc(65, 1)),
    segment(0xc0, sof),
    segment(0xda, Buffer.from([3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0])),
    Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd9]),
  ]);
}

export const SVG_WITH_SCRIPT = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>',
);

/** A lossless WebP's first bytes with the given size (the pixels are not real). */
export function testWebp(width: number, height: number): Buffer {
  const data = Buffer.alloc(10);
  data[0] = 0x2f;
  data.writeUInt32LE(((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14), 1);
  const chunk = Buffer.alloc(8);
  chunk.write('VP8L', 0, 'latin1');
  chunk.writeUInt32LE(data.length, 4);
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), chunk, data]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}
