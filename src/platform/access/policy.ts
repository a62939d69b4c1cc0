import { ageOn } from '../../lib/stockholm-time.ts';

/**
 * Who may act for whom: pure rules, the facts and today's date passed in.
 *
 * - A guardian (vårdnadshavare) handles a child's e-services until the child turns 13,
 *   as in 1177; from 13 the young person's own contact with care is confidential.
 * - A proxy (ombud) acts within the scopes of the appointment, from its first to its last day.
 */
export const GUARDIAN_ACCESS_UNTIL_AGE = 13;

export const proxyScopes = ['cases', 'appointments', 'messages', 'records'] as const;
export type ProxyScope = (typeof proxyScopes)[number];

export type Representation =
  | { basis: 'guardian'; childBirthDate: string }
  | { basis: 'proxy'; scopes: readonly string[]; validFrom: string; validUntil: string };

export function representationIsActive(representation: Representation, today: string, scope?: ProxyScope): boolean {
  if (representation.basis === 'guardian') {
    return ageOn(representation.childBirthDate, today) < GUARDIAN_ACCESS_UNTIL_AGE;
  }
  const inPeriod = representation.validFrom <= today && today <= representation.validUntil;
  return inPeriod && (scope === undefined || representation.scopes.includes(scope));
}

/** Emergency access (nödåtkomst) needs a stated reason that says something. */
export const EMERGENCY_REASON_MIN_LENGTH = 10;

export function isAcceptableEmergencyReason(reason: string | undefined): reason is string {
  return typeof reason === 'string' && reason.trim().length >= EMERGENCY_REASON_MIN_LENGTH;
}
