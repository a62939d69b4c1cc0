import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { careUnits, organisations } from '../../platform/organisations/tables.ts';
import { unitProfiles } from './tables.ts';

export type UnitFilters = { kind?: string; care?: string; unitIds?: string[] };

/** The columns every unit listing needs. */
const unitColumns = {
  id: careUnits.id,
  hsaId: careUnits.hsaId,
  name: careUnits.name,
  kind: careUnits.kind,
  locality: careUnits.locality,
  organisationName: organisations.name,
  streetAddress: unitProfiles.streetAddress,
  postalCode: unitProfiles.postalCode,
  city: unitProfiles.city,
  phone: unitProfiles.phone,
  latitude: unitProfiles.latitude,
  longitude: unitProfiles.longitude,
  careOffered: unitProfiles.careOffered,
  openingHours: unitProfiles.openingHours,
  descriptionSv: unitProfiles.descriptionSv,
  descriptionEn: unitProfiles.descriptionEn,
};

function filterConditions(filters: UnitFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.kind) conditions.push(eq(careUnits.kind, filters.kind));
  if (filters.care) conditions.push(sql`${filters.care} = any(${unitProfiles.careOffered})`);
  if (filters.unitIds) conditions.push(filters.unitIds.length > 0 ? inArray(careUnits.id, filters.unitIds) : sql`false`);
  return conditions;
}

/**
 * Ranked search. A unit matches when the Swedish full-text query matches (all
 * words, as prefixes, stemmed) or when every word is trigram-similar to some
 * word of its search text (typos). Rank adds full-text rank and the words'
 * similarities, so word order does not matter: "ekby vårdcentral" = "vårdcentral ekby".
 */
export async function searchUnits(tx: Tx, terms: string[], filters: UnitFilters, limit: number) {
  const conditions = filterConditions(filters);
  if (terms.length === 0) {
    return tx
      .select({ ...unitColumns, score: sql<number>`0`.mapWith(Number) })
      .from(careUnits)
      .innerJoin(unitProfiles, eq(unitProfiles.unitId, careUnits.id))
      .innerJoin(organisations, eq(organisations.id, careUnits.organisationId))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(careUnits.name)
      .limit(limit);
  }
  const termArray = sql`${`{${terms.map((term) => `"${term.replaceAll('"', '')}"`).join(',')}}`}::text[]`;
  // Letters and digits only, each word a prefix: "vårdc" finds "vårdcentral" while typing.
  const tsQuery = terms.map((term) => `${term.replace(/[^\p{L}\p{N}]/gu, '')}:*`).filter((term) => term !== ':*').join(' & ');
  const fullText = sql`${unitProfiles}.search_vector @@ to_tsquery('swedish', ${tsQuery})`;
  // Each word must be close to some word of the unit. Long words need to be closer: "akutmottagning" is
  // 0.6 similar to "diabetesmottagning", while a typo in a short word ("ekbi" for "ekby") is also 0.6.
  const everyWordClose = sql`(select bool_and(word_similarity(t, ${unitProfiles.searchText}) >= case when length(t) >= 8 then 0.68 else 0.5 end) from unnest(${termArray}) as t)`;
  const score = sql<number>`(
    ts_rank(${unitProfiles}.search_vector, to_tsquery('swedish', ${tsQuery})) * 4
    + (select sum(word_similarity(t, ${unitProfiles.searchText})) from unnest(${termArray}) as t)
    + similarity(lower(${careUnits.name}), ${terms.join(' ')})
  )`.mapWith(Number);
  return tx
    .select({ ...unitColumns, score })
    .from(careUnits)
    .innerJoin(unitProfiles, eq(unitProfiles.unitId, careUnits.id))
    .innerJoin(organisations, eq(organisations.id, careUnits.organisationId))
    .where(and(sql`(${fullText} or ${everyWordClose})`, ...conditions))
    .orderBy(sql`${score} desc`, careUnits.name)
    .limit(limit);
}

export async function findUnitWithProfile(tx: Tx, unitId: string) {
  const [row] = await tx
    .select(unitColumns)
    .from(careUnits)
    .innerJoin(unitProfiles, eq(unitProfiles.unitId, careUnits.id))
    .innerJoin(organisations, eq(organisations.id, careUnits.organisationId))
    .where(eq(careUnits.id, unitId));
  return row;
}

export type UnitRow = NonNullable<Awaited<ReturnType<typeof findUnitWithProfile>>>;

export async function upsertProfile(tx: Tx, values: typeof unitProfiles.$inferInsert) {
  await tx
    .insert(unitProfiles)
    .values(values)
    .onConflictDoUpdate({ target: unitProfiles.unitId, set: { ...values, updatedAt: sql`now()` } });
}
