import { Link } from 'react-router';
import { CaseCountsPanel } from '../../../features/cases/ui/staff/CaseCountsPanel.tsx';
import { MonitoringCountsPanel } from '../../../features/self-monitoring/ui/staff/MonitoringCountsPanel.tsx';
import { careUnitKindLabels, type CareUnitKind } from '../../../platform/organisations/model.ts';
import { professionLabel } from '../../../lib/professions.ts';
import { useLanguage, useTexts } from '../../i18n/i18n.tsx';
import type { SignedIn } from '../../layout/RequireSession.tsx';
import { usePageTitle } from '../../layout/usePageTitle.ts';

const texts = {
  sv: {
    pageTitle: 'Arbetsyta',
    greeting: (name: string) => `Välkommen, ${name}`,
    at: (profession: string, unit: string, kind: string) => `${profession} på ${unit} (${kind}).`,
    roles: 'Dina roller här',
    roleNames: { clinician: 'Vårdande', receptionist: 'Reception', unit_admin: 'Enhetsadministratör', unit_manager: 'Verksamhetschef' } as Record<string, string>,
    noUnit: 'Du är inte kopplad till någon vårdenhet.',
    what: 'Det här kan du göra',
    lookup: 'Sök patient',
    lookupBody: 'Öppna en patients översikt med personnummer. Kräver vårdrelation med enheten, eller nödåtkomst med angivet skäl.',
    admin: 'Administration',
    adminBody: 'Organisationer, avtalspaket och enheter.',
    eservices: 'Enhetens e-tjänster',
    eservicesBody: 'Aktivera e-tjänster, välj vilka patienter de når och anpassa villkorstexterna.',
    caseTypes: 'Ärendetyper',
    caseTypesBody: 'Egna frågor på Förnya recept och enhetens egna ärendetyper.',
    templates: 'Svarsmallar och intyg',
    templatesBody: 'Färdiga svarstexter för ärenden och intygen patienter kan begära.',
    appointmentAdmin: 'Besökstyper och scheman',
    appointmentAdminBody: 'Vad som kan bokas, personalens och rummens scheman, påminnelser och hur långt fram patienter kan boka.',
    administrators: 'Administratörer',
    administratorsBody: 'Vem som administrerar enhetens e-tjänster.',
  },
  en: {
    pageTitle: 'Workspace',
    greeting: (name: string) => `Welcome, ${name}`,
    at: (profession: string, unit: string, kind: string) => `${profession} at ${unit} (${kind}).`,
    roles: 'Your roles here',
    roleNames: { clinician: 'Clinical', receptionist: 'Reception', unit_admin: 'Unit administrator', unit_manager: 'Head of unit' } as Record<string, string>,
    noUnit: 'You are not attached to any care unit.',
    what: 'What you can do',
    lookup: 'Find patient',
    lookupBody: "Open a patient's overview by identity number. Requires a care relation with the unit, or emergency access with a stated reason.",
    admin: 'Administration',
    adminBody: 'Organisations, option packages and units.',
    eservices: "The unit's e-services",
    eservicesBody: 'Activate e-services, choose which patients they reach and adjust the terms texts.',
    caseTypes: 'Case types',
    caseTypesBody: "Own questions on Förnya recept and the unit's own case types.",
    templates: 'Answer templates and certificates',
    templatesBody: 'Ready-made answers for cases and the certificates patients can request.',
    appointmentAdmin: 'Visit types and schedules',
    appointmentAdminBody: 'What can be booked, the schedules of staff and rooms, reminders and how far ahead patients can book.',
    administrators: 'Administrators',
    administratorsBody: "Who administers the unit's e-services.",
  },
};

export default function StaffStartPage({ session }: { session: SignedIn }) {
  const t = useTexts(texts);
  usePageTitle(t.pageTitle);
  const { language } = useLanguage();
  const staff = session.staff!;
  const unit = staff.units.find((candidate) => candidate.id === staff.activeUnitId);
  return (
    <>
      <h1>{t.greeting(session.displayName)}</h1>
      {unit ? (
        <>
          <p className="lead">
            {t.at(professionLabel(staff.profession, language), unit.name, careUnitKindLabels[unit.kind as CareUnitKind]?.[language] ?? unit.kind)}
          </p>
          <p>
            {t.roles}: {unit.roles.map((role) => t.roleNames[role] ?? role).join(', ')}
          </p>
        </>
      ) : (
        <p>{t.noUnit}</p>
      )}
      {unit && <CaseCountsPanel key={unit.id} />}
      {unit?.roles.includes('clinician') && <MonitoringCountsPanel key={`monitoring-${unit.id}`} />}
      <h2>{t.what}</h2>
      <div className="grid">
        {unit && (
          <Link to="/arbetsyta/patient" className="card card--link">
            <h3>{t.lookup}</h3>
            <p>{t.lookupBody}</p>
          </Link>
        )}
        {unit?.roles.includes('unit_admin') && (
          <>
            <Link to="/arbetsyta/e-tjanster" className="card card--link">
              <h3>{t.eservices}</h3>
              <p>{t.eservicesBody}</p>
            </Link>
            <Link to="/arbetsyta/arendetyper" className="card card--link">
              <h3>{t.caseTypes}</h3>
              <p>{t.caseTypesBody}</p>
            </Link>
            <Link to="/arbetsyta/svarsmallar" className="card card--link">
              <h3>{t.templates}</h3>
              <p>{t.templatesBody}</p>
            </Link>
            <Link to="/arbetsyta/enhet" className="card card--link">
              <h3>{t.appointmentAdmin}</h3>
              <p>{t.appointmentAdminBody}</p>
            </Link>
          </>
        )}
        {unit?.roles.some((role) => role === 'unit_manager' || role === 'unit_admin') && (
          <Link to="/arbetsyta/administratorer" className="card card--link">
            <h3>{t.administrators}</h3>
            <p>{t.administratorsBody}</p>
          </Link>
        )}
        {staff.administeredOrganisations.length > 0 && (
          <Link to="/admin" className="card card--link">
            <h3>{t.admin}</h3>
            <p>{t.adminBody}</p>
          </Link>
        )}
      </div>
    </>
  );
}
