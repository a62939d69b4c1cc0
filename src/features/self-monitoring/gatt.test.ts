import { describe, expect, it } from 'vitest';
import { GattParseError, parseBloodPressure, parsePlxContinuous, parsePlxSpotCheck, parseWeight, sfloat } from './gatt.ts';

describe('IEEE-11073 SFLOAT', () => {
  it('decodes exponent and mantissa, negative ones too', () => {
    expect(sfloat(0x0078)).toBe(120);
    expect(sfloat(0xf0a0)).toBe(16); // 160 × 10^-1
    expect(sfloat(0xf06b)).toBe(10.7);
    expect(sfloat(0x1001)).toBe(10); // 1 × 10^1
    expect(sfloat(0x0fff)).toBe(-1); // mantissa −1
    expect(sfloat(0xe172)).toBe(3.7); // 370 × 10^-2
  });
  it('returns null for the special values', () => {
    for (const special of [0x07ff, 0x0800, 0x07fe, 0x0802, 0x0801]) expect(sfloat(special)).toBeNull();
  });
});

describe('Blood Pressure Measurement (0x2A35)', () => {
  it('reads mmHg with time stamp, pulse, user id and status (irregular pulse)', () => {
    // flags 0x1E; 120, 80, MAP 93; 2026-11-16 07:30:00; pulse 72; user 1; status 0x0004
    const bytes = [0x1e, 0x78, 0x00, 0x50, 0x00, 0x5d, 0x00, 0xea, 0x07, 0x0b, 0x10, 0x07, 0x1e, 0x00, 0x48, 0x00, 0x01, 0x04, 0x00];
    const reading = parseBloodPressure(new Uint8Array(bytes));
    expect(reading.values).toEqual({ systolic: 120, diastolic: 80, heart_rate: 72 });
    expect(reading.measuredAt?.toISOString()).toBe('2026-11-16T06:30:00.000Z'); // Stockholm is UTC+1 in November
    expect(reading.notes.map((note) => note.en)).toEqual(['The device detected an irregular pulse.']);
  });
  it('converts kPa to mmHg and tolerates a MAP the device did not compute', () => {
    const reading = parseBloodPressure([0x01, 0xa0, 0xf0, 0x6b, 0xf0, 0xff, 0x07]);
    expect(reading).toEqual({ values: { systolic: 120, diastolic: 80 }, measuredAt: null, notes: [] });
  });
  it('reads summer time stamps as Stockholm summer time', () => {
    // flags 0x02; 130/85; 2026-07-01 08:00:00
    const reading = parseBloodPressure([0x02, 0x82, 0x00, 0x55, 0x00, 0x64, 0x00, 0xea, 0x07, 0x07, 0x01, 0x08, 0x00, 0x00]);
    expect(reading.measuredAt?.toISOString()).toBe('2026-07-01T06:00:00.000Z');
  });
  it('refuses a truncated value and a NaN pressure', () => {
    expect(() => parseBloodPressure([0x04, 0x78, 0x00, 0x50, 0x00, 0x5d, 0x00])).toThrow(GattParseError);
    expect(() => parseBloodPressure([0x00, 0xff, 0x07, 0x50, 0x00, 0x5d, 0x00])).toThrow(/could not take/);
  });
});

describe('Weight Measurement (0x2A9D)', () => {
  it('reads kilograms at 0.005 kg resolution', () => {
    expect(parseWeight([0x00, 0x84, 0x3f]).values).toEqual({ body_weight: 81.3 }); // 16260 × 0.005
  });
  it('converts pounds, skips user id, BMI and height, reads the time stamp', () => {
    // flags 0x0F: imperial, time stamp, user id, BMI and height; 180.00 lb
    const bytes = [0x0f, 0x50, 0x46, 0xea, 0x07, 0x0b, 0x10, 0x07, 0x00, 0x00, 0x02, 0xfa, 0x00, 0xc2, 0x02];
    const reading = parseWeight(bytes);
    expect(reading.values).toEqual({ body_weight: 81.6 });
    expect(reading.measuredAt?.toISOString()).toBe('2026-11-16T06:00:00.000Z');
  });
  it('refuses "measurement unsuccessful" (0xFFFF)', () => {
    expect(() => parseWeight([0x00, 0xff, 0xff])).toThrow(GattParseError);
  });
});

describe('Pulse oximeter: PLX Spot-check (0x2A5E) and Continuous (0x2A5F)', () => {
  it('reads a spot check with time stamp and status', () => {
    const reading = parsePlxSpotCheck([0x03, 0x61, 0x00, 0x48, 0x00, 0xea, 0x07, 0x0b, 0x10, 0x08, 0x00, 0x00, 0x80, 0x00]);
    expect(reading.values).toEqual({ spo2: 97, heart_rate: 72 });
    expect(reading.measuredAt?.toISOString()).toBe('2026-11-16T07:00:00.000Z');
  });
  it('ignores the time stamp when the device says its clock is not set', () => {
    expect(parsePlxSpotCheck([0x11, 0x61, 0x00, 0x48, 0x00, 0xea, 0x07, 0x0b, 0x10, 0x08, 0x00, 0x00]).measuredAt).toBeNull();
  });
  it('reads the normal values of a continuous measurement, skipping fast, slow, status and PAI fields', () => {
    expect(parsePlxContinuous([0x00, 0x5f, 0x00, 0x58, 0x00]).values).toEqual({ spo2: 95, heart_rate: 88 });
    // fast + slow + measurement status + device status + PAI
    const bytes = [0x1f, 0x5f, 0x00, 0x58, 0x00, 0x60, 0x00, 0x59, 0x00, 0x5e, 0x00, 0x57, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x0c, 0xf0];
    expect(parsePlxContinuous(bytes).values).toEqual({ spo2: 95, heart_rate: 88 });
  });
  it('refuses a measurement the device marks invalid or still ongoing', () => {
    expect(() => parsePlxContinuous([0x04, 0x5f, 0x00, 0x58, 0x00, 0x00, 0x80])).toThrow(GattParseError);
    expect(() => parsePlxSpotCheck([0x02, 0x5f, 0x00, 0x58, 0x00, 0x20, 0x00])).toThrow(GattParseError);
  });
});
