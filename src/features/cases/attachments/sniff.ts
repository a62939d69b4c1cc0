/**
 * What a file is, judged by its first bytes (C1: photos and PDFs; the name and the
 * browser's claimed type are not trusted). Pure.
 */
export type AllowedMediaType = 'image/jpeg' | 'image/png' | 'image/heic' | 'application/pdf';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis']);
// Generic HEIF brands: accepted only when a HEVC brand is among the compatible ones (AVIF is not HEIC).
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1']);
// "%PDF-" may be preceded by junk; readers accept it within the first 1024 bytes.
const PDF_HEADER_WINDOW = 1024;

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((byte, index) => bytes[at + index] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

function isHeic(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return false;
  const boxSize = (bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!;
  const major = ascii(bytes, 8, 12);
  if (HEIC_BRANDS.has(major)) return true;
  if (!GENERIC_HEIF_BRANDS.has(major)) return false;
  const end = Math.min(boxSize, bytes.length);
  for (let offset = 16; offset + 4 <= end; offset += 4) {
    if (HEIC_BRANDS.has(ascii(bytes, offset, offset + 4))) return true;
  }
  return false;
}

function isPdf(bytes: Uint8Array): boolean {
  const window = bytes.subarray(0, PDF_HEADER_WINDOW);
  return ascii(window, 0, window.length).includes('%PDF-');
}

/** The media type of an allowed file, or null when it is none of JPEG, PNG, HEIC or PDF. */
export function sniffMediaType(bytes: Uint8Array): AllowedMediaType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (isHeic(bytes)) return 'image/heic';
  if (isPdf(bytes)) return 'application/pdf';
  return null;
}

/** A file name safe to show and to put in Content-Disposition: no path, no control characters, at most 120 characters. */
export function cleanFileName(raw: string | undefined, mediaType: AllowedMediaType): string {
  let decoded = raw ?? '';
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // A malformed escape: keep the raw text.
  }
  const base = decoded.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 120);
  return cleaned || `bilaga.${extensionOf(mediaType)}`;
}

export function extensionOf(mediaType: AllowedMediaType): string {
  return { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/heic': 'heic', 'application/pdf': 'pdf' }[mediaType];
}
