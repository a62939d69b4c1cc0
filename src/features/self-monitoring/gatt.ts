import { STOCKHOLM } from '../../lib/stockholm-time.ts';
import type { Localised } from './metrics.ts';

/**
 * Parsers for the Bluetooth GATT health characteristics home devices send (F2), pure so the
 * browser and the tests share them: Blood Pressure Measurement (service 0x1810,
 * characteristic 0x2A35), Weight Measurement (0x181D, 0x2A9D), PLX Spot-check (0x1822,
 * 0x2A5E) and PLX Continuous Measurement (0x2A5F). Values in IEEE-11073 16-bit SFLOAT are
 * decoded here; units are converted to the metric units Nära stores (mmHg, kg, %, /min).
 */

export const gattServices = { bloodPressure: 0x1810, weightScale: 0x181d, pulseOximeter: 0x1822 } as const;
export const gattCharacteristics = { bloodPressureMeasurement: 0x2a35, weightMeasurement: 0x2a9d, plxSpotCheck: 0x2a5e, plxContinuous: 0x2a5f } as const;

export type DeviceReading = {
  values: Partial<Record<'systolic' | 'diastolic' | 'heart_rate' | 'body_weight' | 'spo2', number>>;
  /** The device's own time stamp (its clock is local time, read as Stockholm's), if it sent one. */
  measuredAt: Date | null;
  /** What the device noticed about the measurement (irregular pulse, loose cuff …). */
  notes: Localised[];
};
export class GattParseError extends Error {
  readonly messages: Localised;
  constructor(messages: Localised) {
    super(messages.en);
    this.messages = messages;
  }
}

const tooShort = () => new GattParseError({ sv: 'Mätaren skickade ett ofullständigt värde. Mät igen.', en: 'The device sent an incomplete value. Please measure again.' });

/**
 * IEEE-11073 16-bit SFLOAT: a 4-bit signed exponent (base 10) over a 12-bit signed mantissa.
 * The special values (NaN, NRes, ±infinity, reserved) come back as null.
 */
export function sfloat(raw: number): number | null {
  const mantissaBits = raw & 0x0fff;
  const exponentBits = raw >> 12;
  if (exponentBits === 0 && mantissaBits >= 0x07fe && mantissaBits <= 0x0802) return null;
  const mantissa = mantissaBits >= 0x0800 ? mantissaBits - 0x1000 : mantissaBits;
  const exponent = exponentBits >= 0x8 ? exponentBits - 0x10 : exponentBits;
  const value = mantissa * 10 ** exponent;
  return exponent < 0 ? Number(value.toFixed(-exponent)) : value;
}

/** A cursor over the little-endian bytes of a characteristic value. */
class Reader {
  private offset = 0;
  private readonly view: DataView;
  constructor(view: DataView) {
    this.view = view;
  }
  private need(bytes: number) {
    if (this.offset + bytes > this.view.byteLength) throw tooShort();
  }
  u8() {
    this.need(1);
    return this.view.getUint8(this.offset++);
  }
  u16() {
    this.need(2);
    const value = this.view.getUint16(this.offset, true);
    this.offset += 2;
    return value;
  }
  u24() {
    return this.u16() | (this.u8() << 16);
  }
  sfloat() {
    return sfloat(this.u16());
  }
  /** The GATT Date Time: year (0 = unknown), month, day, hours, minutes, seconds; local time. */
  dateTime(): Date | null {
    const year = this.u16();
    const [month, day, hours, minutes, seconds] = [this.u8(), this.u8(), this.u8(), this.u8(), this.u8()];
    if (year === 0 || month === 0 || day === 0) return null;
    return stockholmWallTime(year, month, day, hours, minutes, seconds);
  }
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: STOCKHOLM, timeZoneName: 'longOffset' });
function stockholmOffsetMs(at: Date): number {
  const name = offsetFormat.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}
/** A wall-clock time in Stockholm as an instant. */
export function stockholmWallTime(year: number, month: number, day: number, hours: number, minutes: number, seconds: number): Date {
  const asUtc = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  const first = asUtc - stockholmOffsetMs(new Date(asUtc));
  return new Date(asUtc - stockholmOffsetMs(new Date(first)));
}

const viewOf = (value: DataView | Uint8Array | number[]) =>
  value instanceof DataView ? value : value instanceof Uint8Array ? new DataView(value.buffer, value.byteOffset, value.byteLength) : new DataView(new Uint8Array(value).buffer);

const KPA_TO_MMHG = 7.500_615_75;
const LB_TO_KG = 0.453_592_37;
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const unreadable = () => new GattParseError({ sv: 'Mätaren kunde inte mäta. Mät igen.', en: 'The device could not take the measurement. Please measure again.' });

/** Blood Pressure Measurement (0x2A35). */
export function parseBloodPressure(value: DataView | Uint8Array | number[]): DeviceReading {
  const reader = new Reader(viewOf(value));
  const flags = reader.u8();
  const kpa = (flags & 0x01) !== 0;
  const systolic = reader.sfloat();
  const diastolic = reader.sfloat();
  reader.sfloat(); // mean arterial pressure
  const measuredAt = flags & 0x02 ? reader.dateTime() : null;
  const pulse = flags & 0x04 ? reader.sfloat() : null;
  if (flags & 0x08) reader.u8(); // user id
  const status = flags & 0x10 ? reader.u16() : 0;
  if (systolic === null || diastolic === null) throw unreadable();
  const pressure = (v: number) => round(kpa ? v * KPA_TO_MMHG : v, 0);
  const notes: Localised[] = [];
  if (status & 0x01) notes.push({ sv: 'Mätaren märkte att du rörde dig.', en: 'The device noticed body movement.' });
  if (status & 0x02) notes.push({ sv: 'Manschetten satt löst.', en: 'The cuff was loose.' });
  if (status & 0x04) notes.push({ sv: 'Mätaren märkte oregelbunden puls.', en: 'The device detected an irregular pulse.' });
  if (status & 0x20) notes.push({ sv: 'Mätpositionen var felaktig.', en: 'The measurement position was improper.' });
  return { values: { systolic: pressure(systolic), diastolic: pressure(diastolic), ...(pulse !== null ? { heart_rate: round(pulse, 0) } : {}) }, measuredAt, notes };
}

/** Weight Measurement (0x2A9D): 0.005 kg or 0.01 lb resolution; 0xFFFF means the weighing failed. */
export function parseWeight(value: DataView | Uint8Array | number[]): DeviceReading {
  const reader = new Reader(viewOf(value));
  const flags = reader.u8();
  const imperial = (flags & 0x01) !== 0;
  const raw = reader.u16();
  const measuredAt = flags & 0x02 ? reader.dateTime() : null;
  if (flags & 0x04) reader.u8(); // user id
  if (flags & 0x08) {
    reader.u16(); // BMI
    reader.u16(); // height
  }
  if (raw === 0xffff) throw unreadable();
  const kg = imperial ? raw * 0.01 * LB_TO_KG : raw * 0.005;
  return { values: { body_weight: round(kg, 1) }, measuredAt, notes: [] };
}

function plxStatusProblem(status: number): boolean {
  // Measurement ongoing (bit 5), unavailable (13), questionable (14) or invalid (15).
  return (status & (0x0020 | 0x2000 | 0x4000 | 0x8000)) !== 0;
}

function plxReading(spo2: number | null, pulse: number | null, measuredAt: Date | null, status: number): DeviceReading {
  if (spo2 === null || plxStatusProblem(status)) throw unreadable();
  return { values: { spo2: round(spo2, 0), ...(pulse !== null ? { heart_rate: round(pulse, 0) } : {}) }, measuredAt, notes: [] };
}

/** PLX Spot-check Measurement (0x2A5E). */
export function parsePlxSpotCheck(value: DataView | Uint8Array | number[]): DeviceReading {
  const reader = new Reader(viewOf(value));
  const flags = reader.u8();
  const spo2 = reader.sfloat();
  const pulse = reader.sfloat();
  let measuredAt = flags & 0x01 ? reader.dateTime() : null;
  const status = flags & 0x02 ? reader.u16() : 0;
  if (flags & 0x04) reader.u24(); // device and sensor status
  if (flags & 0x08) reader.sfloat(); // pulse amplitude index
  if (flags & 0x10) measuredAt = null; // the device's clock is not set
  return plxReading(spo2, pulse, measuredAt, status);
}

/** PLX Continuous Measurement (0x2A5F): the normal SpO2 and pulse; fast and slow variants skipped. */
export function parsePlxContinuous(value: DataView | Uint8Array | number[]): DeviceReading {
  const reader = new Reader(viewOf(value));
  const flags = reader.u8();
  const spo2 = reader.sfloat();
  const pulse = reader.sfloat();
  if (flags & 0x01) reader.u16() && reader.u16(); // SpO2PR-Fast
  if (flags & 0x02) reader.u16() && reader.u16(); // SpO2PR-Slow
  const status = flags & 0x04 ? reader.u16() : 0;
  if (flags & 0x08) reader.u24();
  if (flags & 0x10) reader.sfloat();
  return plxReading(spo2, pulse, null, status);
}
