import { useEffect, useRef, type ReactNode } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../../web/layout/PageStatus.tsx';
import type { SignedIn } from '../../../../web/layout/RequireSession.tsx';
import { usePageTitle } from '../../../../web/layout/usePageTitle.ts';
import { isCaseTypeKey, useCaseTypes } from './api.ts';
import { NewCaseForm } from './NewCaseForm.tsx';
import '../patient-cases.css';

/**
 * /start/kontakt/:unitId/:code — where a unit's e-service link and the list of case types
 * lead. A case type gets its form; any other e-service (booking, chat, …) is shown by
 * `other`, the e-service entry page, as before.
 */

const texts = {
  sv: {
    back: (unit: string) => `Alla ärendetyper hos ${unit}`,
    backPlain: 'Kontakta vården',
    notOffered: 'Ärendet går inte att skicka hit',
    notOfferedBody: (unit: string) =>
      `${unit} tar inte emot den här ärendetypen i Nära, eller så gäller den inte dig (till exempel bara för den som är listad på mottagningen). Se vad du kan skicka till mottagningen.`,
    notFound: 'Mottagningen finns inte',
    notFoundBody: 'Mottagningen kan ha bytt namn eller slutat. Välj en mottagning igen.',
    toList: 'Det här kan du skicka till mottagningen',
  },
  en: {
    back: (unit: string) => `All case types at ${unit}`,
    backPlain: 'Contact care',
    notOffered: 'The case cannot be sent here',
    notOfferedBody: (unit: string) =>
      `${unit} does not take this case type in Nära, or it does not apply to you (for example only to patients listed at the clinic). See what you can send to the clinic.`,
    notFound: 'The clinic does not exist',
    notFoundBody: 'The clinic may have changed its name or closed. Choose a clinic again.',
    toList: 'What you can send to the clinic',
  },
};

export default function CaseEntryPage({ session, other }: { session: SignedIn; other: ReactNode }) {
  const { code = '' } = useParams();
  if (!isCaseTypeKey(code)) return <>{other}</>;
  return <NewCasePage session={session} />;
}

function NewCasePage({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { unitId = '', code = '' } = useParams();
  const caseTypes = useCaseTypes(unitId);
  const caseType = caseTypes.data?.caseTypes.find((candidate) => candidate.key === code);
  // A unit may replace a standard type with its own under the same name (seed 002); the
  // unit page still links to the standard code, so go to the own type that replaces it.
  const replacement = caseType ? undefined : caseTypes.data?.caseTypes.find((candidate) => candidate.replaces === code);
  const unitName = caseTypes.data?.unit.name;
  usePageTitle(caseType && unitName ? `${caseType.name[language]} – ${unitName}` : unitName);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = caseTypes.isSuccess;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded, unitId, code]);

  if (caseTypes.isPending) return <PageStatus state="loading" />;
  if (caseTypes.isError) {
    const missing = caseTypes.error instanceof ApiError && (caseTypes.error.status === 404 || caseTypes.error.status === 400);
    if (!missing) return <PageStatus state="error" error={caseTypes.error} />;
    return (
      <>
        <p>
          <Link to="/start/kontakta">
            <span aria-hidden="true">← </span>
            {t.backPlain}
          </Link>
        </p>
        <h1>{t.notFound}</h1>
        <p>{t.notFoundBody}</p>
      </>
    );
  }
  const unit = caseTypes.data.unit;
  const back = (
    <p>
      <Link to={`/start/kontakt/${unit.id}`}>
        <span aria-hidden="true">← </span>
        {t.back(unit.name)}
      </Link>
    </p>
  );
  if (replacement) return <Navigate to={`/start/kontakt/${unit.id}/${encodeURIComponent(replacement.key)}`} replace />;
  if (!caseType) {
    return (
      <>
        {back}
        <h1 ref={heading} tabIndex={-1}>
          {t.notOffered}
        </h1>
        <p>{t.notOfferedBody(unit.name)}</p>
        <p>
          <Link to={`/start/kontakt/${unit.id}`}>{t.toList}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      {back}
      <h1 ref={heading} tabIndex={-1}>
        {caseType.name[language]}
      </h1>
      <NewCaseForm key={caseType.key} session={session} unit={unit} caseType={caseType} reloadCaseType={() => caseTypes.refetch()} />
    </>
  );
}
