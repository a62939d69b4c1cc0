import { describe, expect, it } from 'vitest';
import { cleanFileName, sniffMediaType } from './sniff.ts';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(values.flatMap((value) => (typeof value === 'string' ? [...value].map((char) => char.charCodeAt(0)) : [value])));
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + compatible.length * 4;
  return bytes(0, 0, 0, size, 'ftyp', major, 0, 0, 0, 0, ...compatible);
};

describe('sniffMediaType', () => {
  it('knows JPEG, PNG and PDF by their signatures', () => {
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'))).toBe('image/jpeg');
    expect(sniffMediaType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toBe('image/png');
    expect(sniffMediaType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(bytes(0xef, 0xbb, 0xbf, '%PDF-1.4'))).toBe('application/pdf');
  });

  it('knows HEIC from an iPhone (major brand heic) and generic HEIF with a HEVC brand', () => {
    expect(sniffMediaType(ftyp('heic', 'mif1', 'heic'))).toBe('image/heic');
    expect(sniffMediaType(ftyp('mif1', 'mif1', 'heic'))).toBe('image/heic');
  });

  it('refuses AVIF, MP4, text, executables, an empty file and a PNG named .pdf only by its bytes', () => {
    expect(sniffMediaType(ftyp('avif', 'mif1', 'avif'))).toBeNull();
    expect(sniffMediaType(ftyp('mif1', 'mif1', 'avif'))).toBeNull();
    expect(sniffMediaType(ftyp('isom', 'isom', 'mp41'))).toBeNull();
    expect(sniffMediaType(bytes('hello, this is text'))).toBeNull();
    expect(sniffMediaType(bytes('MZ', 0x90, 0))).toBeNull();
    expect(sniffMediaType(new Uint8Array())).toBeNull();
    expect(sniffMediaType(bytes(0xff, 0xd8))).toBeNull();
  });

  it('does not find %PDF- beyond the first kilobyte', () => {
    const late = new Uint8Array(2000);
    late.set(bytes('%PDF-1.7'), 1500);
    expect(sniffMediaType(late)).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('decodes, strips paths and control characters, and falls back to a name by type', () => {
    expect(cleanFileName(encodeURIComponent('utslag på armen.jpg'), 'image/jpeg')).toBe('utslag på armen.jpg');
    expect(cleanFileName('..%2F..%2Fetc%2Fpasswd', 'application/pdf')).toBe('passwd');
    expect(cleanFileName('a"b\u0007.png', 'image/png')).toBe('ab.png');
    expect(cleanFileName(undefined, 'image/heic')).toBe('bilaga.heic');
    expect(cleanFileName('%E0%A4%A', 'image/png')).toBe('%E0%A4%A');
  });
});
