import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { TriageSummary } from './contract.ts';
import { urgencyRank } from './model.ts';
import { sessionSummary } from './service.ts';

/**
 * What other features may ask of Sök vård (G5): the summary of a finished assessment, to
 * attach to a case (or a chat or booking). Swedish, as the record is kept; null when the
 * session is unknown or has expired.
 */
export function triageSummary(context: ServiceContext, sessionId: string): TriageSummary | null {
  try {
    return sessionSummary(context, sessionId, 'sv');
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return null;
    throw error;
  }
}

/**
 * The priority an assessment gives where care is queued (the chat queue, C8): higher is more
 * urgent, 4 for call-112 … 0 for self-care; null when the assessment has no outcome yet. The
 * priority comes from the server's own assessment, never from what a browser claims.
 */
export function triagePriority(urgency: TriageSummary['urgency']): number | null {
  return urgency === null ? null : urgencyRank[urgency];
}

export type { TriageSummary } from './contract.ts';
