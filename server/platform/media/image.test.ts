import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { checkImage, sniffImageType } from './image.ts';
import { GPS_MARK, SVG_WITH_SCRIPT, testJpeg, testPng, testWebp } from './test-images.ts';

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
