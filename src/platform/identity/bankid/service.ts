import type { Clock } from '../../clock.ts';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { findPersonByIdentityNumber } from '../../people/store.ts';
import { parseIdentityNumber } from '../../../lib/personnummer.ts';
import { BankIdApiError, type BankIdRp, type CollectResponse } from './api.ts';
import type { BankIdCollectResponse, BankIdStartResponse } from './contract.ts';
import { PendingLogins, type PendingLogin } from './logins.ts';
import { rfaForCollect, rfaForError, rfaMessages, type RfaCode, type StartMethod } from './messages.ts';
import { autoStartLink, qrData, qrSecondsSince } from './qr.ts';

export type BankIdLoginDeps = {
  bankId: BankIdRp;
  logins: PendingLogins;
  clock: Clock;
  /** The simulator plays the app on the developer page, so "open BankID" goes there. */
  autoStartViaSimulatorPage: boolean;
};

/** BankID asks relying parties to collect every two seconds. */
export const COLLECT_INTERVAL_SECONDS = 2;
const MIN_COLLECT_GAP_MS = 1000;

const message = (code: RfaCode) => ({ code, ...rfaMessages[code] });

const unknownPerson = {
  code: 'unknown_person',
  sv: 'Du är inloggad med BankID, men vi hittar dig inte bland invånarna i regionen. Kontakta din vårdcentral om du tror att det är fel.',
  en: 'You identified yourself with BankID, but we cannot find you among the residents of the region. Contact your health centre if you think this is wrong.',
};

export const loginNotFound = () =>
  new AppError('bankid_login_not_found', 404, {
    sv: 'Inloggningen har avbrutits eller tagit för lång tid. Börja om.',
    en: 'The login was cancelled or took too long. Please start again.',
  });

/** A BankID error as an AppError with BankID's recommended text (never its technical details). */
function bankIdFailure(error: unknown): AppError {
  if (!(error instanceof BankIdApiError)) throw error;
  const code = rfaForError(error.errorCode);
  return new AppError(`bankid_${error.errorCode}`, error.httpStatus >= 500 ? 503 : 502, rfaMessages[code], { rfa: code });
}

export async function startBankIdLogin(deps: BankIdLoginDeps, input: { method: StartMethod; endUserIp: string }): Promise<BankIdStartResponse> {
  let order;
  try {
    order = await deps.bankId.auth({ endUserIp: input.endUserIp });
  } catch (error) {
    throw bankIdFailure(error);
  }
  const now = deps.clock.now();
  const login = deps.logins.add(
    {
      orderRef: order.orderRef,
      qrStartToken: order.qrStartToken,
      qrStartSecret: order.qrStartSecret,
      autoStartToken: order.autoStartToken,
      method: input.method,
      startedAt: now,
    },
    now,
  );
  const autoStartUrl = deps.autoStartViaSimulatorPage
    ? `/dev/bankid?autostarttoken=${encodeURIComponent(order.autoStartToken)}`
    : autoStartLink(order.autoStartToken);
  return {
    loginId: login.id,
    method: input.method,
    qr: input.method === 'qr' ? currentQr(login, now) : null,
    autoStartUrl: input.method === 'autostart' ? autoStartUrl : null,
    message: message(rfaForCollect({ status: 'pending', hintCode: 'outstandingTransaction' }, input.method)),
    collectIntervalSeconds: COLLECT_INTERVAL_SECONDS,
  };
}

function currentQr(login: PendingLogin, now: Date): string {
  return qrData(login.qrStartToken, login.qrStartSecret, qrSecondsSince(login.startedAt, now));
}

export function bankIdQr(deps: BankIdLoginDeps, loginId: string): { qr: string } {
  const now = deps.clock.now();
  const login = deps.logins.get(loginId, now);
  if (!login) throw loginNotFound();
  return { qr: currentQr(login, now) };
}

export type CollectResult = BankIdCollectResponse & { personId: string | null };

/**
 * Asks BankID how the order is going. On completion the personnummer from the completion
 * data must name a person the region knows; the caller then starts the session.
 */
export async function collectBankIdLogin(deps: BankIdLoginDeps, tx: Tx, loginId: string): Promise<CollectResult> {
  const now = deps.clock.now();
  const login = deps.logins.get(loginId, now);
  if (!login) throw loginNotFound();
  if (login.lastOutcome && now.getTime() - login.lastCollectAt < MIN_COLLECT_GAP_MS) return login.lastOutcome as CollectResult;

  let collected: CollectResponse;
  try {
    collected = await deps.bankId.collect(login.orderRef);
  } catch (error) {
    deps.logins.delete(loginId);
    throw bankIdFailure(error);
  }
  let result: CollectResult;
  if (collected.status === 'pending') {
    result = { status: 'pending', hintCode: collected.hintCode ?? null, message: message(rfaForCollect(collected, login.method)), area: null, personId: null };
  } else if (collected.status === 'failed') {
    deps.logins.delete(loginId);
    result = { status: 'failed', hintCode: collected.hintCode ?? null, message: message(rfaForCollect(collected, login.method)), area: null, personId: null };
  } else {
    deps.logins.delete(loginId);
    const identity = parseIdentityNumber(collected.completionData?.user.personalNumber ?? '');
    const person = identity ? await findPersonByIdentityNumber(tx, identity.normalised) : undefined;
    result = person
      ? { status: 'complete', hintCode: null, message: message('RFA21'), area: 'patient', personId: person.id }
      : { status: 'failed', hintCode: null, message: unknownPerson, area: null, personId: null };
  }
  login.lastCollectAt = now.getTime();
  login.lastOutcome = result;
  return result;
}

export async function cancelBankIdLogin(deps: BankIdLoginDeps, loginId: string): Promise<void> {
  const login = deps.logins.get(loginId, deps.clock.now());
  if (!login) return;
  deps.logins.delete(loginId);
  try {
    await deps.bankId.cancel(login.orderRef);
  } catch (error) {
    // An order that already finished or expired cannot be cancelled; the login is gone either way.
    if (!(error instanceof BankIdApiError)) throw error;
  }
}
