import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { z } from 'zod';
import {
  authResponseSchema,
  BankIdApiError,
  collectResponseSchema,
  errorResponseSchema,
  type AuthRequest,
  type BankIdRp,
} from './api.ts';

export type BankIdTls = {
  /** The relying party certificate and key as PKCS#12 (BankID issues them so) … */
  pfxPath?: string;
  passphrase?: string;
  /** … or as PEM files. */
  certPath?: string;
  keyPath?: string;
  /** BankID's issuing CA (PEM), so only BankID's server is trusted. */
  caPath?: string;
};

/**
 * The real RP API v6 over HTTPS with mutual TLS: our relying party certificate proves who we
 * are, BankID's CA certificate is the only one trusted for the server. An http:// URL (the
 * simulator on loopback in tests) is allowed only where configuration allows it.
 */
export function createBankIdHttpClient(options: { baseUrl: string; tls?: BankIdTls; timeoutMs?: number }): BankIdRp {
  const base = options.baseUrl.replace(/\/+$/, '');
  const secure = base.startsWith('https:');
  const tls = options.tls ?? {};
  const agent = secure
    ? new https.Agent({
        keepAlive: true,
        ...(tls.pfxPath ? { pfx: fs.readFileSync(tls.pfxPath), passphrase: tls.passphrase } : {}),
        ...(tls.certPath ? { cert: fs.readFileSync(tls.certPath) } : {}),
        ...(tls.keyPath ? { key: fs.readFileSync(tls.keyPath), passphrase: tls.passphrase } : {}),
        ...(tls.caPath ? { ca: fs.readFileSync(tls.caPath) } : {}),
      })
    : new http.Agent({ keepAlive: true });
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call<T>(method: 'auth' | 'collect' | 'cancel', body: unknown, schema: z.ZodType<T>): Promise<T> {
    const { status, text } = await postJson(`${base}/${method}`, body, agent, timeoutMs);
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      throw new BankIdApiError('internalError', status, 'BankID answered with something that is not JSON');
    }
    if (status >= 400) {
      const error = errorResponseSchema.safeParse(json);
      throw new BankIdApiError(error.success ? error.data.errorCode : 'internalError', status, error.success ? (error.data.details ?? '') : '');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new BankIdApiError('internalError', status, `Unexpected ${method} response`);
    return parsed.data;
  }

  return {
    auth: (request: AuthRequest) => call('auth', request, authResponseSchema),
    collect: (orderRef: string) => call('collect', { orderRef }, collectResponseSchema),
    cancel: async (orderRef: string) => {
      await call('cancel', { orderRef }, errorResponseSchema.partial());
    },
  };
}

function postJson(url: string, body: unknown, agent: http.Agent, timeoutMs: number): Promise<{ status: number; text: string }> {
  const payload = Buffer.from(JSON.stringify(body));
  const request = url.startsWith('https:') ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, timeout: timeoutMs, headers: { 'content-type': 'application/json', 'content-length': payload.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 500, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new BankIdApiError('requestTimeout', 408, 'No answer from BankID in time')));
    req.on('error', (error) => reject(error instanceof BankIdApiError ? error : new BankIdApiError('internalError', 503, error.message)));
    req.end(payload);
  });
}
