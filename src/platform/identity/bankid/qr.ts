import { createHmac } from 'node:crypto';

/**
 * The animated QR code of BankID RP API v6: the app reads
 * `bankid.<qrStartToken>.<seconds since the order started>.<qrAuthCode>`, where qrAuthCode is
 * HMAC-SHA256 keyed with qrStartSecret over the decimal seconds, in lower-case hex.
 * The secret stays on the server; the browser fetches the current string every second.
 */
export function qrAuthCode(qrStartSecret: string, seconds: number): string {
  return createHmac('sha256', qrStartSecret).update(String(seconds)).digest('hex');
}

export function qrData(qrStartToken: string, qrStartSecret: string, seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `bankid.${qrStartToken}.${whole}.${qrAuthCode(qrStartSecret, whole)}`;
}

/** Seconds since the order was started, as the QR code counts them. */
export function qrSecondsSince(startedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - startedAt.getTime()) / 1000));
}

/** Same device: the link that opens the BankID app (redirect=null: the app returns to the browser by itself). */
export function autoStartLink(autoStartToken: string): string {
  return `bankid:///?autostarttoken=${encodeURIComponent(autoStartToken)}&redirect=null`;
}
