import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { BankIdApiError } from './api.ts';
import { createBankIdHttpClient } from './http-client.ts';
import { SIMULATOR_RP_PREFIX } from './simulator-routes.ts';

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}${SIMULATOR_RP_PREFIX}`;
});
afterAll(async () => t?.close());

describe('the RP API v6 HTTP client against the simulator over HTTP', () => {
  it('runs auth, collect and cancel, and reads BankID error answers', async () => {
    const client = createBankIdHttpClient({ baseUrl });
    const order = await client.auth({ endUserIp: '127.0.0.1' });
    expect(order.qrStartSecret).toMatch(/^[0-9a-f-]{36}$/);
    expect(await client.collect(order.orderRef)).toEqual({ orderRef: order.orderRef, status: 'pending', hintCode: 'outstandingTransaction' });
    await anonymous(t.app).post(`/api/dev/bankid/orders/${order.orderRef}/events`, { kind: 'approve', personalNumber: '198804122383' });
    const complete = await client.collect(order.orderRef);
    expect(complete.completionData?.user.personalNumber).toBe('198804122383');

    const other = await client.auth({ endUserIp: '127.0.0.1' });
    await client.cancel(other.orderRef);
    const refused = await client.collect(other.orderRef).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BankIdApiError);
    expect(refused).toMatchObject({ errorCode: 'invalidParameters', httpStatus: 400 });
    await expect(client.auth({ endUserIp: '' })).rejects.toMatchObject({ errorCode: 'invalidParameters' });
  });

  it('reports an unreachable service as a BankID error, not a crash', async () => {
    const client = createBankIdHttpClient({ baseUrl: 'http://127.0.0.1:9/rp/v6.0', timeoutMs: 2000 });
    await expect(client.auth({ endUserIp: '127.0.0.1' })).rejects.toBeInstanceOf(BankIdApiError);
  });
});
