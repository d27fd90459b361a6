import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { checkImage, exifOrientation, sniffImageType } from './image.ts';
import {
  GPS_MARK,
  phoneExif,
  readJpegExif,
  SVG_WITH_SCRIPT,
  testJpeg,
  testPng,
  testWebp,
} from './test-images.ts';

const refusal = (bytes: Buffer) => {
  try {
    checkImage(bytes);
  } catch (err) {
    return err instanceof AppError ? `${err.status} ${err.code}` : String(err);
  }
  return 'accepted';
};

describe('checking an uploaded image', () => {
  it('knows the type from the bytes only', () => {
    expect(sniffImageType(testPng())).toBe('image/png');
    expect(sniffImageType(testJpeg())).toBe('image/jpeg');
    expect(sniffImageType(testWebp(3, 2))).toBe('image/webp');
    expect(sniffImageType(SVG_WITH_SCRIPT)).toBeNull();
    expect(sniffImageType(Buffer.from('<!doctype html><img src=x onerror=alert(1)>'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });

  it('reads width and height from PNG, JPEG and WebP headers', () => {
    expect(checkImage(testPng(40, 30))).toMatchObject({ contentType: 'image/png', width: 40, height: 30 });
    expect(checkImage(testJpeg(640, 480))).toMatchObject({
      contentType: 'image/jpeg',
      width: 640,
      height: 480,
    });
    expect(checkImage(testWebp(300, 200))).toMatchObject({
      contentType: 'image/webp',
      width: 300,
      height: 200,
    });
  });

  it('removes EXIF, XMP, IPTC and comments from a JPEG and keeps the rest byte for byte', () => {
    const input = testJpeg();
    expect(input.toString('latin1')).toContain(GPS_MARK);
    const { bytes } = checkImage(input);
    expect(bytes.toString('latin1')).not.toContain(GPS_MARK);
    expect(bytes.toString('latin1')).not.toContain('Exif');
    expect(bytes.toString('latin1')).toContain('JFIF'); // APP0 stays
    expect(bytes.subarray(-7)).toEqual(input.subarray(-7)); // the scan and EOI as they were
    expect(checkImage(bytes).bytes).toEqual(bytes); // a cleaned file is clean
  });

  it("keeps a JPEG's Orientation alone in a minimal EXIF segment and drops GPS, camera and date", () => {
    for (const le of [false, true]) {
      const input = testJpeg(640, 480, phoneExif({ orientation: 6, le }));
      expect(readJpegExif(input)).toEqual([
        expect.objectContaining({ gps: true, ifd0: expect.arrayContaining([{ tag: 0x0112, short: 6 }]) }),
      ]);
      const { bytes, width, height } = checkImage(input);
      expect({ width, height }).toEqual({ width: 640, height: 480 }); // as stored; the viewer turns it
      expect(readJpegExif(bytes)).toEqual([{ ifd0: [{ tag: 0x0112, short: 6 }], gps: false }]);
      const text = bytes.toString('latin1');
      for (const gone of [GPS_MARK, 'PhoneMake', '2026:05:01', 'xmpmeta', 'Photoshop'])
        expect(text).not.toContain(gone);
      expect(bytes.subarray(-7)).toEqual(input.subarray(-7));
      expect(checkImage(bytes).bytes).toEqual(bytes); // cleaning again changes nothing
    }
    // Every turn and mirror (2–8) is kept; 1 (upright) needs no EXIF at all.
    for (const orientation of [2, 3, 4, 5, 7, 8])
      expect(readJpegExif(checkImage(testJpeg(64, 48, phoneExif({ orientation }))).bytes)).toEqual([
        { ifd0: [{ tag: 0x0112, short: orientation }], gps: false },
      ]);
    expect(readJpegExif(checkImage(testJpeg(64, 48, phoneExif({ orientation: 1 }))).bytes)).toEqual([]);
  });

  it('writes no EXIF into a JPEG that had none, or none with an Orientation', () => {
    const bare = testJpeg(64, 48, null);
    expect(readJpegExif(bare)).toEqual([]);
    const cleaned = checkImage(bare).bytes;
    expect(readJpegExif(cleaned)).toEqual([]);
    expect(cleaned.toString('latin1')).not.toContain('Exif');
    const noTurn = checkImage(testJpeg(64, 48, phoneExif())).bytes;
    expect(noTurn.toString('latin1')).not.toContain('Exif');
    expect(noTurn.toString('latin1')).not.toContain(GPS_MARK);
  });

  it('strips a malformed EXIF safely: the image is kept, without any EXIF', () => {
    const good = phoneExif({ orientation: 6 });
    const ifd0 = 6 + 8; // 'Exif\0\0' and the TIFF header
    const withByte = (at: number, value: number) => {
      const b = Buffer.from(good);
      b[at] = value;
      return b;
    };
    const broken: Array<[string, Buffer]> = [
      ['not TIFF', Buffer.from(`Exif\0\0${GPS_MARK}`, 'latin1')],
      ['only the header', Buffer.from('Exif\0\0', 'latin1')],
      ['cut inside IFD0', good.subarray(0, ifd0 + 2 + 12 * 2 + 5)],
      ['IFD0 past the end', Buffer.concat([good.subarray(0, 10), Buffer.from([0x7f, 0xff, 0xff, 0xff])])],
      ['IFD0 inside the header', Buffer.concat([good.subarray(0, 10), Buffer.from([0, 0, 0, 2])])],
      ['wrong magic number', withByte(9, 43)],
      ['an entry count past the end', withByte(ifd0, 0xff)],
      ['Orientation 9', phoneExif({ orientation: 9 })],
      ['Orientation 0', phoneExif({ orientation: 0 })],
      ['Orientation as a LONG', phoneExif({ orientation: 6, orientationType: 4 })],
    ];
    expect(exifOrientation(good)).toBe(6);
    for (const [what, exif] of broken) {
      const input = testJpeg(64, 48, exif);
      expect(exifOrientation(exif), what).toBeNull();
      const { bytes, width } = checkImage(input);
      expect(width, what).toBe(64);
      expect(bytes.toString('latin1'), what).not.toContain('Exif');
      expect(bytes.toString('latin1'), what).not.toContain(GPS_MARK);
    }
    // An EXIF segment longer than the file is a damaged image, refused as one.
    const cut = testJpeg(64, 48, good);
    expect(refusal(cut.subarray(0, 40))).toBe('422 media_damaged');
  });

  it('removes text chunks from a PNG', () => {
    const input = testPng(4, 4, true);
    expect(input.toString('latin1')).toContain(GPS_MARK);
    const { bytes } = checkImage(input);
    expect(bytes.toString('latin1')).not.toContain(GPS_MARK);
    expect(bytes.length).toBeLessThan(input.length);
  });

  it('refuses other types, damaged files, huge dimensions and files over 2 MiB', () => {
    expect(refusal(SVG_WITH_SCRIPT)).toBe('415 media_type_not_allowed');
    expect(refusal(Buffer.from('GIF89a....'))).toBe('415 media_type_not_allowed');
    expect(refusal(testJpeg().subarray(0, 40))).toBe('422 media_damaged');
    expect(refusal(testPng().subarray(0, 40))).toBe('422 media_damaged');
    expect(refusal(testJpeg(8001, 10))).toBe('422 media_too_many_pixels');
    expect(refusal(testWebp(9000, 10))).toBe('422 media_too_many_pixels');
    expect(refusal(testJpeg(0, 10))).toBe('422 media_damaged');
    const big = Buffer.concat([testPng(), Buffer.alloc(2 * 1024 * 1024)]);
    expect(refusal(big)).toBe('413 media_too_large');
  });
});
