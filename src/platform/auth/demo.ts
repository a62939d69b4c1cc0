import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../context.ts';
import { errors, type Language } from '../errors.ts';
import type { SessionSettings } from './sessions.ts';
import { startSession } from './service.ts';
import { demoPersonas } from './tables.ts';

/** Demo mode only: the seeded personas and logging in as one of them without eID. */
export async function listDemoPersonas(context: ServiceContext, language: Language) {
  const rows = await context.db.select().from(demoPersonas).orderBy(asc(demoPersonas.sortOrder));
  return rows.map((row) => ({
    id: row.id,
    area: row.area as 'patient' | 'staff' | 'admin',
    title: language === 'en' ? row.titleEn : row.titleSv,
    description: language === 'en' ? row.descriptionEn : row.descriptionSv,
  }));
}

export async function loginAsDemoPersona(context: ServiceContext, settings: SessionSettings, personaId: string) {
  const [persona] = await context.db.select().from(demoPersonas).where(eq(demoPersonas.id, personaId));
  if (!persona) throw errors.notFound({ sv: 'Det finns ingen sådan demoperson.', en: 'There is no such demo persona.' });
  const created = await startSession(
    context,
    settings,
    persona.kind === 'citizen'
      ? { kind: 'citizen', personId: persona.personId!, authMethod: 'demo' }
      : { kind: 'staff', staffId: persona.staffId!, authMethod: 'demo' },
  );
  return { token: created.token, area: persona.area as 'patient' | 'staff' | 'admin' };
}
