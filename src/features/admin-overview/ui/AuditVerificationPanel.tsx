import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../web/api/client.ts';
import { useTexts } from '../../../web/i18n/i18n.tsx';
import { PageStatus } from '../../../web/layout/PageStatus.tsx';
import type { auditVerificationSchema } from '../contract.ts';

type Verification = z.infer<typeof auditVerificationSchema>;

const texts = {
  sv: {
    title: 'Granskningsloggen',
    body: 'Varje läsning och ändring av patientuppgifter loggas i en kedja där varje rad är låst till den förra. Kontrollera att ingen rad har ändrats eller tagits bort.',
    verify: 'Kontrollera loggkedjan',
    ok: (n: number) => `Kedjan är hel: ${n} rader kontrollerade.`,
    broken: (seq: number) => `Kedjan är bruten vid rad ${seq}. Kontakta informationssäkerhetsansvarig.`,
  },
  en: {
    title: 'The audit log',
    body: 'Every read and change of patient data is logged in a chain where each row is locked to the one before. Check that no row has been changed or removed.',
    verify: 'Verify the log chain',
    ok: (n: number) => `The chain is intact: ${n} rows checked.`,
    broken: (seq: number) => `The chain is broken at row ${seq}. Contact the information security officer.`,
  },
};

export function AuditVerificationPanel() {
  const t = useTexts(texts);
  const verify = useMutation({ mutationFn: () => api<Verification>('GET', '/api/admin/audit/verification') });
  return (
    <section className="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t.title}</h2>
      <p>{t.body}</p>
      <button type="button" className="button button--secondary" disabled={verify.isPending} onClick={() => verify.mutate()}>
        {t.verify}
      </button>
      <div role="status">
        {verify.data && (
          <p className={`alert ${verify.data.ok ? 'alert--success' : 'alert--error'}`}>
            {verify.data.ok ? t.ok(verify.data.rowsChecked) : t.broken(verify.data.firstProblem!.seq)}
          </p>
        )}
      </div>
      {verify.isError && <PageStatus state="error" error={verify.error} />}
    </section>
  );
}
