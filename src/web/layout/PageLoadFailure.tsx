import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { PageStatus } from './PageStatus.tsx';

/** "← Back to …" above a page's content. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p>
      <Link to={to}>
        <span aria-hidden="true">← </span>
        {children}
      </Link>
    </p>
  );
}

/**
 * A page whose one query failed: the way back, then "not found" in words when the server
 * said so (a wrong link, or someone else's item: 404, 400 for a malformed id, and the
 * statuses the page names) or the error otherwise.
 */
export function PageLoadFailure({ error, back, notFound, missingStatuses = [404, 400] }: { error: Error; back: ReactNode; notFound: { title: string; body: string }; missingStatuses?: number[] }) {
  const missing = error instanceof ApiError && missingStatuses.includes(error.status);
  return (
    <>
      {back}
      {missing ? (
        <>
          <h1>{notFound.title}</h1>
          <p>{notFound.body}</p>
        </>
      ) : (
        <PageStatus state="error" error={error} />
      )}
    </>
  );
}
