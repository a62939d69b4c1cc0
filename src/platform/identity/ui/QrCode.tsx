import QRCode from 'qrcode';
import { useMemo } from 'react';

/** Quiet zone of four modules around the symbol, as the QR standard asks. */
const MARGIN = 4;

/** The QR symbol as one SVG path (no canvas, no inline styles: the CSP allows it as it is). */
export function qrPath(value: string): { size: number; path: string } {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: 'L' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) parts.push(`M${column + MARGIN} ${row + MARGIN}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * MARGIN, path: parts.join('') };
}

export default function QrCode({ value, label }: { value: string; label: string }) {
  const { size, path } = useMemo(() => qrPath(value), [value]);
  return (
    <svg className="qr-code" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect className="qr-code__background" width={size} height={size} />
      <path className="qr-code__modules" d={path} />
    </svg>
  );
}
