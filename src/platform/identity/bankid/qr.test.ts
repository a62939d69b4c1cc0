import { describe, expect, it } from 'vitest';
import { autoStartLink, qrAuthCode, qrData, qrSecondsSince } from './qr.ts';

// The published example of BankID's QR code guide (developers.bankid.com, "QR code").
const qrStartToken = '67df3917-fa0d-44e5-b327-edcc928297f8';
const qrStartSecret = 'd28db9a7-4cde-429e-a983-359be676944c';

describe('animated QR code', () => {
  it('matches BankID’s published value for second 0', () => {
    expect(qrAuthCode(qrStartSecret, 0)).toBe('dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8');
    expect(qrData(qrStartToken, qrStartSecret, 0)).toBe(
      'bankid.67df3917-fa0d-44e5-b327-edcc928297f8.0.dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8',
    );
  });

  it('matches BankID’s published value for second 1', () => {
    expect(qrData(qrStartToken, qrStartSecret, 1)).toBe(
      'bankid.67df3917-fa0d-44e5-b327-edcc928297f8.1.949d559bf23403952a94d103e67743126381eda00f0b3cbddbf7c96b1adcbce2',
    );
  });

  it('gives the value for second 2 of the same example', () => {
    expect(qrAuthCode(qrStartSecret, 2)).toBe('a9e5ec59cb4eee4ef4117150abc58fad7a85439a6a96ccbecc3668b41795b3f3');
  });

  it('changes every second and counts whole seconds from the order start', () => {
    const start = new Date('2026-11-23T09:00:00.000Z');
    expect(qrSecondsSince(start, new Date('2026-11-23T09:00:00.999Z'))).toBe(0);
    expect(qrSecondsSince(start, new Date('2026-11-23T09:00:01.000Z'))).toBe(1);
    expect(qrSecondsSince(start, new Date('2026-11-23T09:00:30.400Z'))).toBe(30);
    expect(qrSecondsSince(start, new Date('2026-11-23T08:59:59.000Z'))).toBe(0);
    expect(qrData(qrStartToken, qrStartSecret, 2)).not.toBe(qrData(qrStartToken, qrStartSecret, 1));
    expect(qrData(qrStartToken, qrStartSecret, 1.7)).toBe(qrData(qrStartToken, qrStartSecret, 1));
  });

  it('builds the same-device autostart link', () => {
    expect(autoStartLink('7c40b5c9-fa74-49cf-b98c-bfe651f9a7c6')).toBe(
      'bankid:///?autostarttoken=7c40b5c9-fa74-49cf-b98c-bfe651f9a7c6&redirect=null',
    );
  });
});
