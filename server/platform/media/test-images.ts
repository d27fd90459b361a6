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

/**
 * A baseline JPEG's segments (not a picture a decoder would draw: the scan is a few bytes) with an
 * APP1 EXIF segment, an XMP one, an APP13 and a comment, each holding GPS_MARK.
 */
export function testJpeg(width = 640, height = 480): Buffer {
  const sof = Buffer.alloc(15);
  sof[0] = 8;
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  sof[5] = 3;
  for (let i = 0; i < 3; i++) sof.set([i + 1, 0x11, 0], 6 + i * 3);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.from(`Exif\0\0MM\0*\0\0\0\x08${GPS_MARK}`, 'latin1')),
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
