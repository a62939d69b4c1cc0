import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.ts';
import { BankIdApiError } from './api.ts';
import { qrData } from './qr.ts';
import { BankIdSimulator } from './simulator.ts';

function setup() {
  const clock = fixedClock('2026-11-23T09:00:00Z');
  return { clock, bankId: new BankIdSimulator(clock) };
}

describe('BankID simulator: the order states of RP API v6', () => {
  it('goes outstandingTransaction → started → userSign → complete with the completion data', async () => {
    const { bankId } = setup();
    const order = await bankId.auth({ endUserIp: '192.0.2.10' });
    expect(order).toMatchObject({ orderRef: expect.any(String), autoStartToken: expect.any(String), qrStartToken: expect.any(String), qrStartSecret: expect.any(String) });
    expect(await bankId.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: 'pending', hintCode: 'outstandingTransaction' });
    bankId.simulate(order.orderRef, { kind: 'start' });
    expect((await bankId.collect(order.orderRef)).hintCode).toBe('started');
    bankId.simulate(order.orderRef, { kind: 'sign' });
    expect((await bankId.collect(order.orderRef)).hintCode).toBe('userSign');
    bankId.simulate(order.orderRef, { kind: 'approve', personalNumber: '199001012389', givenName: 'Anna', surname: 'Andersson' });
    const done = await bankId.collect(order.orderRef);
    expect(done.status).toBe('complete');
    expect(done.hintCode).toBeUndefined();
    expect(done.completionData?.user).toEqual({ personalNumber: '199001012389', name: 'Anna Andersson', givenName: 'Anna', surname: 'Andersson' });
    expect(done.completionData?.device.ipAddress).toBe('192.0.2.10');
  });

  it('reports noClient and userMrtd while pending', async () => {
    const { bankId } = setup();
    const order = await bankId.auth({ endUserIp: '192.0.2.10' });
    bankId.simulate(order.orderRef, { kind: 'noClient' });
    expect((await bankId.collect(order.orderRef)).hintCode).toBe('noClient');
    bankId.simulate(order.orderRef, { kind: 'mrtd' });
    expect((await bankId.collect(order.orderRef)).hintCode).toBe('userMrtd');
  });

  it.each(['userCancel', 'startFailed', 'certificateErr', 'cancelled'] as const)('fails with hintCode %s', async (kind) => {
    const { bankId } = setup();
    const order = await bankId.auth({ endUserIp: '192.0.2.10' });
    bankId.simulate(order.orderRef, { kind });
    expect(await bankId.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: 'failed', hintCode: kind });
    expect(() => bankId.simulate(order.orderRef, { kind: 'approve', personalNumber: '199001012389' })).toThrow(BankIdApiError);
  });

  it('expires an order nobody finished after three minutes', async () => {
    const { bankId, clock } = setup();
    const order = await bankId.auth({ endUserIp: '192.0.2.10' });
    clock.advance(179_000);
    expect((await bankId.collect(order.orderRef)).status).toBe('pending');
    clock.advance(1_000);
    expect(await bankId.collect(order.orderRef)).toMatchObject({ status: 'failed', hintCode: 'expiredTransaction' });
  });

  it('forgets a cancelled order: collecting it is invalidParameters', async () => {
    const { bankId } = setup();
    const order = await bankId.auth({ endUserIp: '192.0.2.10' });
    await bankId.cancel(order.orderRef);
    await expect(bankId.collect(order.orderRef)).rejects.toMatchObject({ errorCode: 'invalidParameters', httpStatus: 400 });
    await expect(bankId.collect('no-such-order')).rejects.toBeInstanceOf(BankIdApiError);
  });

  it('accepts a fresh, correct QR code and refuses a stale or forged one', async () => {
    const { bankId, clock } = setup();
    const order = await bankId.auth({ endUserIp: '192.0.2.10' });
    clock.advance(12_300);
    expect(() => bankId.scanQr(qrData(order.qrStartToken, 'wrong-secret', 12))).toThrow(/forged/);
    expect(() => bankId.scanQr(qrData(order.qrStartToken, order.qrStartSecret, 2))).toThrow(/Stale/);
    expect(bankId.scanQr(qrData(order.qrStartToken, order.qrStartSecret, 12))).toBe(order.orderRef);
    expect((await bankId.collect(order.orderRef)).hintCode).toBe('started');
  });

  it('finds an order by its autostart token and lists pending orders newest first', async () => {
    const { bankId, clock } = setup();
    const first = await bankId.auth({ endUserIp: '192.0.2.10' });
    clock.advance(1000);
    const second = await bankId.auth({ endUserIp: '192.0.2.11' });
    expect(bankId.orderForAutoStartToken(first.autoStartToken)).toBe(first.orderRef);
    expect(bankId.pendingOrders().map((order) => order.orderRef)).toEqual([second.orderRef, first.orderRef]);
  });
});
