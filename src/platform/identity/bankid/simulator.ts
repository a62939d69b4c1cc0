import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import { BankIdApiError, type AuthRequest, type AuthResponse, type BankIdRp, type CollectResponse } from './api.ts';
import { qrAuthCode, qrSecondsSince } from './qr.ts';

/**
 * A BankID stand-in for development, tests and demos: the same calls and order states as
 * RP API v6, held in memory. A developer plays the user's app through `simulate`
 * (or the demo page /dev/bankid): scanning the QR code, entering the security code,
 * approving for a chosen personnummer, cancelling or failing.
 */
export const SIMULATED_ORDER_SECONDS = 180;
/** How long a finished order can still be collected. */
const FINISHED_ORDER_SECONDS = 300;
/** How many seconds a scanned QR code may lag behind the order's clock. */
const QR_SCAN_TOLERANCE_SECONDS = 5;

export type SimulatedEvent =
  | { kind: 'noClient' }
  | { kind: 'start' }
  | { kind: 'sign' }
  | { kind: 'mrtd' }
  | { kind: 'approve'; personalNumber: string; givenName?: string; surname?: string }
  | { kind: 'userCancel' }
  | { kind: 'startFailed' }
  | { kind: 'certificateErr' }
  | { kind: 'cancelled' }
  | { kind: 'expire' };

type Order = {
  orderRef: string;
  autoStartToken: string;
  qrStartToken: string;
  qrStartSecret: string;
  endUserIp: string;
  createdAt: Date;
  finishedAt: Date | null;
  status: 'pending' | 'failed' | 'complete';
  hintCode: string | undefined;
  completion: CollectResponse['completionData'];
};

export type SimulatedOrderView = {
  orderRef: string;
  createdAt: string;
  status: Order['status'];
  hintCode: string | null;
};

export class BankIdSimulator implements BankIdRp {
  private readonly orders = new Map<string, Order>();
  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  async auth(request: AuthRequest): Promise<AuthResponse> {
    if (!request.endUserIp) throw new BankIdApiError('invalidParameters', 400, 'Invalid endUserIp');
    this.sweep();
    const order: Order = {
      orderRef: randomUUID(),
      autoStartToken: randomUUID(),
      qrStartToken: randomUUID(),
      qrStartSecret: randomUUID(),
      endUserIp: request.endUserIp,
      createdAt: this.clock.now(),
      finishedAt: null,
      status: 'pending',
      hintCode: 'outstandingTransaction',
      completion: undefined,
    };
    this.orders.set(order.orderRef, order);
    const { orderRef, autoStartToken, qrStartToken, qrStartSecret } = order;
    return { orderRef, autoStartToken, qrStartToken, qrStartSecret };
  }

  async collect(orderRef: string): Promise<CollectResponse> {
    const order = this.live(orderRef);
    if (order.status === 'pending' && qrSecondsSince(order.createdAt, this.clock.now()) >= SIMULATED_ORDER_SECONDS) {
      this.finish(order, 'failed', 'expiredTransaction');
    }
    return {
      orderRef,
      status: order.status,
      ...(order.status !== 'complete' && order.hintCode ? { hintCode: order.hintCode } : {}),
      ...(order.status === 'complete' ? { completionData: order.completion } : {}),
    };
  }

  async cancel(orderRef: string): Promise<void> {
    this.live(orderRef);
    this.orders.delete(orderRef);
  }

  /** What the user's BankID app would do with an order. */
  simulate(orderRef: string, event: SimulatedEvent): void {
    const order = this.live(orderRef);
    if (order.status !== 'pending') throw new BankIdApiError('invalidParameters', 400, 'Order is not pending');
    switch (event.kind) {
      case 'noClient':
        order.hintCode = 'noClient';
        return;
      case 'start':
        order.hintCode = 'started';
        return;
      case 'sign':
        order.hintCode = 'userSign';
        return;
      case 'mrtd':
        order.hintCode = 'userMrtd';
        return;
      case 'approve': {
        const givenName = event.givenName ?? 'Test';
        const surname = event.surname ?? 'Testsson';
        this.finish(order, 'complete', undefined);
        order.completion = {
          user: { personalNumber: event.personalNumber, name: `${givenName} ${surname}`, givenName, surname },
          device: { ipAddress: order.endUserIp, uhi: randomBytes(18).toString('base64url') },
          bankIdIssueDate: '2024-01-01Z',
          signature: Buffer.from('<simulated signature/>').toString('base64'),
          ocspResponse: Buffer.from('simulated OCSP response').toString('base64'),
        };
        return;
      }
      case 'expire':
        this.finish(order, 'failed', 'expiredTransaction');
        return;
      default:
        this.finish(order, 'failed', event.kind);
    }
  }

  /** The phone scans a QR code: accepted only when its code is right for a second near the order's clock. */
  scanQr(data: string): string {
    const match = /^bankid\.([0-9a-f-]{36})\.(\d{1,6})\.([0-9a-f]{64})$/.exec(data);
    const order = match ? [...this.orders.values()].find((candidate) => candidate.qrStartToken === match[1]) : undefined;
    if (!match || !order || order.status !== 'pending') throw new BankIdApiError('invalidParameters', 400, 'Unknown QR code');
    const seconds = Number(match[2]);
    const expected = Buffer.from(qrAuthCode(order.qrStartSecret, seconds));
    const fresh = Math.abs(qrSecondsSince(order.createdAt, this.clock.now()) - seconds) <= QR_SCAN_TOLERANCE_SECONDS;
    if (!fresh || !timingSafeEqual(expected, Buffer.from(match[3]!))) {
      throw new BankIdApiError('invalidParameters', 400, 'Stale or forged QR code');
    }
    order.hintCode = 'started';
    return order.orderRef;
  }

  /** The order an autostart token belongs to (the app started on the same device). */
  orderForAutoStartToken(token: string): string | undefined {
    return [...this.orders.values()].find((order) => order.autoStartToken === token && order.status === 'pending')?.orderRef;
  }

  /** The pending orders, newest first, for the developer page. */
  pendingOrders(): SimulatedOrderView[] {
    this.sweep();
    return [...this.orders.values()]
      .filter((order) => order.status === 'pending')
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((order) => ({
        orderRef: order.orderRef,
        createdAt: order.createdAt.toISOString(),
        status: order.status,
        hintCode: order.hintCode ?? null,
      }));
  }

  private finish(order: Order, status: 'failed' | 'complete', hintCode: string | undefined) {
    order.status = status;
    order.hintCode = hintCode;
    order.finishedAt = this.clock.now();
  }

  private live(orderRef: string): Order {
    const order = this.orders.get(orderRef);
    if (!order) throw new BankIdApiError('invalidParameters', 400, 'No such order');
    return order;
  }

  private sweep() {
    const now = this.clock.now().getTime();
    for (const [ref, order] of this.orders) {
      const finishedLongAgo = order.finishedAt && now - order.finishedAt.getTime() > FINISHED_ORDER_SECONDS * 1000;
      const abandoned = now - order.createdAt.getTime() > (SIMULATED_ORDER_SECONDS + FINISHED_ORDER_SECONDS) * 1000;
      if (finishedLongAgo || abandoned) this.orders.delete(ref);
    }
  }
}
