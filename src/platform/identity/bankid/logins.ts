import { randomBytes } from 'node:crypto';
import type { StartMethod } from './messages.ts';

/**
 * Our side of a BankID login in progress: which order, its QR secret (never sent to the
 * browser), when it started. Held in memory: an order lives at most a few minutes, and a
 * restart only means the person scans again. (With several processes behind one address
 * the load balancer must keep a browser on one process while it logs in.)
 */
export type PendingLogin = {
  id: string;
  orderRef: string;
  qrStartToken: string;
  qrStartSecret: string;
  autoStartToken: string;
  method: StartMethod;
  startedAt: Date;
  lastCollectAt: number;
  lastOutcome: unknown;
};

const LOGIN_LIFETIME_MS = 5 * 60_000;
const MAX_PENDING = 10_000;

export class PendingLogins {
  private readonly logins = new Map<string, PendingLogin>();

  add(login: Omit<PendingLogin, 'id' | 'lastCollectAt' | 'lastOutcome'>, now: Date): PendingLogin {
    this.sweep(now);
    if (this.logins.size >= MAX_PENDING) throw new Error('Too many BankID logins in progress');
    const entry: PendingLogin = { ...login, id: randomBytes(32).toString('base64url'), lastCollectAt: 0, lastOutcome: null };
    this.logins.set(entry.id, entry);
    return entry;
  }

  get(id: string, now: Date): PendingLogin | undefined {
    const login = this.logins.get(id);
    if (login && now.getTime() - login.startedAt.getTime() > LOGIN_LIFETIME_MS) {
      this.logins.delete(id);
      return undefined;
    }
    return login;
  }

  delete(id: string): void {
    this.logins.delete(id);
  }

  private sweep(now: Date) {
    for (const [id, login] of this.logins) {
      if (now.getTime() - login.startedAt.getTime() > LOGIN_LIFETIME_MS) this.logins.delete(id);
    }
  }
}
