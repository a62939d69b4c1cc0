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

export type SearchOrder = { by: 'relevance' } | { by: 'distance'; latitude: number; longitude: number };

/** Great-circle distance in km from a point (haversine), in SQL so the database orders and limits. */
function distanceFrom(point: { latitude: number; longitude: number }) {
  return sql<number>`(2 * 6371 * asin(sqrt(
    power(sin(radians(${unitProfiles.latitude} - ${point.latitude}) / 2), 2)
    + cos(radians(${point.latitude})) * cos(radians(${unitProfiles.latitude}))
      * power(sin(radians(${unitProfiles.longitude} - ${point.longitude}) / 2), 2))))`.mapWith(Number);
}

/**
 * Ranked search. A unit matches when the Swedish full-text query matches (all
 * words, as prefixes, stemmed) or when every word is trigram-similar to some
 * word of its search text (typos). Rank adds full-text rank and the words'
 * similarities, so word order does not matter: "ekby vårdcentral" = "vårdcentral ekby".
 * Ordered by rank, or by distance from a point (units without a position last).
 */
export async function searchUnits(tx: Tx, terms: string[], filters: UnitFilters, order: SearchOrder, page: { limit: number; offset: number }) {
  const conditions = filterConditions(filters);
  let score = sql<number>`0`.mapWith(Number);
  if (terms.length > 0) {
    // Letters and digits only, each word a prefix: "vårdc" finds "vårdcentral" while typing.
    const tsQuery = terms.map((term) => `${term.replace(/[^\p{L}\p{N}]/gu, '')}:*`).filter((term) => term !== ':*').join(' & ');
    const fullText = sql`${unitProfiles}.search_vector @@ to_tsquery('swedish', ${tsQuery})`;
    // Each word must be close to some word of the unit. The first condition is what the
    // indexes answer (full-text, or every word `%>` at the threshold of 0.5 set below); the
    // second is the exact check, which asks long words to be closer: "akutmottagning" is 0.6
    // similar to "diabetesmottagning", while a typo in a short word ("ekbi" for "ekby") is also 0.6.
    const nearWords = terms.map((term) => sql`${unitProfiles.searchText} %> ${term}`);
    const closeEnough = terms.map((term) => sql`word_similarity(${term}, ${unitProfiles.searchText}) >= ${term.length >= 8 ? 0.68 : 0.5}`);
    // The candidates come from a subquery of their own: `offset 0` keeps the planner from
    // folding it into the joins, where it would walk every row instead of the two indexes.
    conditions.push(
      sql`${unitProfiles.unitId} in (select unit_id from unit_profiles where ${fullText} or (${sql.join(nearWords, sql` and `)}) offset 0)`,
    );
    conditions.push(sql`(${fullText} or (${sql.join(closeEnough, sql` and `)}))`);
    const similarities = terms.map((term) => sql`word_similarity(${term}, ${unitProfiles.searchText})`);
    score = sql<number>`(
      ts_rank(${unitProfiles}.search_vector, to_tsquery('swedish', ${tsQuery})) * 4
      + ${sql.join(similarities, sql` + `)}
      + similarity(lower(${careUnits.name}), ${terms.join(' ')})
    )`.mapWith(Number);
    // The planner prices a trigram comparison like any cheap operator and, on a table of a
    // region's size, prefers reading every row (27 ms for 1,500 units) to the indexes (3 ms).
    // Both settings last only for this transaction.
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', '0.5', true), set_config('enable_seqscan', 'off', true)`);
  }
  const distance = order.by === 'distance' ? distanceFrom(order) : sql<number | null>`null`.mapWith(Number);
  // Without words there is no score to order by (and a literal 0 in ORDER BY would name a column).
  const byScore = terms.length > 0 ? [sql`${score} desc`] : [];
  const ordering = [...(order.by === 'distance' ? [sql`${distance} asc nulls last`] : []), ...byScore, careUnits.name];
  return tx
    .select({ ...unitColumns, score, distanceKm: distance })
    .from(careUnits)
    .innerJoin(unitProfiles, eq(unitProfiles.unitId, careUnits.id))
    .innerJoin(organisations, eq(organisations.id, careUnits.organisationId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(...ordering)
    .limit(page.limit)
    .offset(page.offset);
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

export type ProfileValues = typeof unitProfiles.$inferInsert;

/** Inserts or replaces whole profiles, in chunks (the HSA import passes every field, keeping what its file does not carry). */
export async function upsertProfiles(tx: Tx, profiles: ProfileValues[]): Promise<void> {
  for (let at = 0; at < profiles.length; at += 500) {
    await tx
      .insert(unitProfiles)
      .values(profiles.slice(at, at + 500))
      .onConflictDoUpdate({
        target: unitProfiles.unitId,
        set: {
          streetAddress: sql`excluded.street_address`,
          postalCode: sql`excluded.postal_code`,
          city: sql`excluded.city`,
          phone: sql`excluded.phone`,
          latitude: sql`excluded.latitude`,
          longitude: sql`excluded.longitude`,
          careOffered: sql`excluded.care_offered`,
          searchText: sql`excluded.search_text`,
          updatedAt: sql`now()`,
        },
      });
  }
}

/** Units by HSA-id with their organisation number and profile (if any), for comparing an import with what is there. */
export async function findUnitsByHsaIds(tx: Tx, hsaIds: string[]) {
  const rows = [];
  for (let at = 0; at < hsaIds.length; at += 1000) {
    rows.push(
      ...(await tx
        .select({
          id: careUnits.id,
          hsaId: careUnits.hsaId,
          name: careUnits.name,
          kind: careUnits.kind,
          locality: careUnits.locality,
          organisationNumber: organisations.organisationNumber,
          profile: unitProfiles,
        })
        .from(careUnits)
        .innerJoin(organisations, eq(organisations.id, careUnits.organisationId))
        .leftJoin(unitProfiles, eq(unitProfiles.unitId, careUnits.id))
        .where(inArray(careUnits.hsaId, hsaIds.slice(at, at + 1000)))),
    );
  }
  return rows;
}
export type ExistingUnitRow = Awaited<ReturnType<typeof findUnitsByHsaIds>>[number];

/** Name, place, address and phone of some units; the address and phone are null for a unit without a profile. */
export async function findUnitContacts(tx: Tx, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return tx
    .select({
      id: careUnits.id,
      name: careUnits.name,
      locality: careUnits.locality,
      streetAddress: unitProfiles.streetAddress,
      postalCode: unitProfiles.postalCode,
      city: unitProfiles.city,
      phone: unitProfiles.phone,
    })
    .from(careUnits)
    .leftJoin(unitProfiles, eq(unitProfiles.unitId, careUnits.id))
    .where(inArray(careUnits.id, unitIds));
}
