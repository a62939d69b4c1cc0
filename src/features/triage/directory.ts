import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { TriageSummary } from './contract.ts';
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

export type { TriageSummary } from './contract.ts';
