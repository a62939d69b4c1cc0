import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { professionLabel } from '../../../lib/professions.ts';
import { api } from '../../../web/api/client.ts';
import { useLanguage, useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { AdministratorResponse, UnitStaffList, UnitStaffMember } from '../contract.ts';
import { ScrollableTable } from '../../../web/layout/ScrollableTable.tsx';

const texts = {
  sv: {
    title: 'Administratörer',
    intro: 'Administratörerna sköter enhetens e-tjänster, villkorstexter och ärendetyper. Verksamhetschefen utser en eller flera administratörer.',
    readOnly: 'Bara verksamhetschefen kan utse och ta bort administratörer.',
    rule: 'Enheten behåller alltid minst en administratör: utse en ny innan du tar bort den sista.',
    caption: 'Medarbetare på enheten',
    name: 'Namn',
    profession: 'Yrke',
    roles: 'Roller',
    administrator: 'Administratör',
    toggle: (name: string) => `${name} är administratör`,
    yes: 'Ja',
    no: 'Nej',
    appointed: (name: string) => `${name} är nu administratör.`,
    removed: (name: string) => `${name} är inte längre administratör.`,
    noStaff: 'Inga medarbetare är kopplade till enheten.',
    roleNames: { clinician: 'Vårdande', receptionist: 'Reception', unit_admin: 'Administratör', unit_manager: 'Verksamhetschef' },
  },
  en: {
    title: 'Administrators',
    intro: "The administrators look after the unit's e-services, terms and case types. The unit manager appoints one or more administrators.",
    readOnly: 'Only the unit manager can appoint and remove administrators.',
    rule: 'The unit always keeps at least one administrator: appoint a new one before removing the last.',
    caption: 'Staff at the unit',
    name: 'Name',
    profession: 'Profession',
    roles: 'Roles',
    administrator: 'Administrator',
    toggle: (name: string) => `${name} is an administrator`,
    yes: 'Yes',
    no: 'No',
    appointed: (name: string) => `${name} is now an administrator.`,
    removed: (name: string) => `${name} is no longer an administrator.`,
    noStaff: 'No staff are attached to the unit.',
    roleNames: { clinician: 'Clinical', receptionist: 'Reception', unit_admin: 'Administrator', unit_manager: 'Unit manager' },
  },
};

export const unitStaffQueryKey = ['unit-admin', 'staff'] as const;

const fullName = (member: UnitStaffMember) => `${member.givenName} ${member.familyName}`;

/** B6: who administers the active unit; the unit manager appoints and removes, the unit's administrators see. */
export default function UnitAdministratorsPage() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: unitStaffQueryKey, queryFn: () => api<UnitStaffList>('GET', '/api/unit-admin/staff') });
  const [done, setDone] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: ({ member, administrator }: { member: UnitStaffMember; administrator: boolean }) =>
      api<AdministratorResponse>('PUT', `/api/unit-admin/staff/${member.staffId}/administrator`, { administrator }),
    onMutate: () => setDone(null),
    onSuccess: async (result, { member, administrator }) => {
      setDone(administrator ? t.appointed(fullName(member)) : t.removed(fullName(member)));
      queryClient.setQueryData<UnitStaffList>(unitStaffQueryKey, (old) =>
        old && { ...old, staff: old.staff.map((entry) => (entry.staffId === result.member.staffId ? result.member : entry)) },
      );
      await queryClient.invalidateQueries({ queryKey: unitStaffQueryKey });
    },
  });
  if (list.isPending) return <PageStatus state="loading" />;
  if (list.isError) return <PageStatus state="error" error={list.error} />;
  const { unit, canAppoint, staff } = list.data;
  return (
    <>
      <h1>
        {t.title} <span className="muted">– {unit.name}</span>
      </h1>
      <p>{t.intro}</p>
      <p className="muted">{canAppoint ? t.rule : t.readOnly}</p>
      <div role="status">{done && <p className="alert alert--success">{done}</p>}</div>
      {change.isError && <PageStatus state="error" error={change.error} />}
      {staff.length === 0 ? (
        <p className="muted">{t.noStaff}</p>
      ) : (
        <ScrollableTable label={t.caption}>
          <table>
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.profession}</th>
                <th scope="col">{t.roles}</th>
                <th scope="col">{t.administrator}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((member) => (
                <tr key={member.staffId}>
                  <th scope="row">
                    {fullName(member)}
                    <br />
                    <span className="muted">{member.hsaId}</span>
                  </th>
                  <td>{professionLabel(member.profession, language)}</td>
                  <td>{member.roles.map((role) => t.roleNames[role]).join(', ')}</td>
                  <td>
                    {canAppoint ? (
                      <label className="checkbox">
                        <input
                          type="checkbox"
                          checked={member.administrator}
                          disabled={change.isPending}
                          onChange={(event) => change.mutate({ member, administrator: event.target.checked })}
                        />
                        <span className="visually-hidden">{t.toggle(fullName(member))}</span>
                        <span aria-hidden="true">{member.administrator ? t.yes : t.no}</span>
                      </label>
                    ) : member.administrator ? (
                      t.yes
                    ) : (
                      t.no
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </>
  );
}
