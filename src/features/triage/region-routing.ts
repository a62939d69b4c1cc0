/**
 * The region's routing rules (G4), editable by the region administrator. Each save is a new row
 * in triage_routing_versions; the newest is current; none (or a reset row) means the standard in
 * content/triage/routing.json. The engine reads the current rules through a per-process cache:
 * a save in this process is seen at once, another process sees it within CACHE_TTL_MS.
 */
import fs from 'node:fs';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { requireRegionAdministrator } from '../../platform/organisations/administrators.ts';
import { staff } from '../../platform/people/tables.ts';
import { TRIAGE_CONTENT_DIR, triageContent } from './content.ts';
import { careKindLabels, careKinds, routingRulesSchema, timeBands, type RoutingRule } from './routing.ts';
import { triageRoutingVersions } from './tables.ts';

export const CACHE_TTL_MS = 30_000;

let standard: RoutingRule[] | undefined;
/** The region's standard rules, content/triage/routing.json. */
export function standardRoutingRules(): RoutingRule[] {
  standard ??= routingRulesSchema.parse(JSON.parse(fs.readFileSync(path.join(TRIAGE_CONTENT_DIR, 'routing.json'), 'utf8'))).rules;
  return standard;
}

type Current = { rules: RoutingRule[]; source: 'standard' | 'region'; savedAt: Date | null; savedBy: string | null; versionId: string | null };

async function readCurrent(db: Database): Promise<Current> {
  const [row] = await db
    .select({ id: triageRoutingVersions.id, rules: triageRoutingVersions.rules, savedAt: triageRoutingVersions.savedAt, givenName: staff.givenName, familyName: staff.familyName })
    .from(triageRoutingVersions)
    .leftJoin(staff, eq(staff.id, triageRoutingVersions.savedByStaffId))
    .orderBy(desc(triageRoutingVersions.seq))
    .limit(1);
  if (!row) return { rules: standardRoutingRules(), source: 'standard', savedAt: null, savedBy: null, versionId: null };
  const name = row.givenName ? `${row.givenName} ${row.familyName}` : null;
  // A stored version is re-validated: if the schema has moved on and it no longer fits, the standard applies.
  const parsed = row.rules === null ? null : routingRulesSchema.safeParse({ rules: row.rules });
  if (!parsed?.success) return { rules: standardRoutingRules(), source: 'standard', savedAt: row.savedAt, savedBy: name, versionId: row.id };
  return { rules: parsed.data.rules, source: 'region', savedAt: row.savedAt, savedBy: name, versionId: row.id };
}

// Keyed by database handle, so test apps in one process never see each other's rules.
const cache = new WeakMap<Database, { at: number; current: Promise<Current> }>();

async function cachedCurrent(db: Database): Promise<Current> {
  const hit = cache.get(db);
  if (hit && performance.now() - hit.at < CACHE_TTL_MS) return hit.current;
  const current = readCurrent(db);
  cache.set(db, { at: performance.now(), current });
  current.catch(() => cache.delete(db));
  return current;
}

/** The rules the engine routes by now. */
export async function currentRoutingRules(context: ServiceContext): Promise<RoutingRule[]> {
  return (await cachedCurrent(context.db)).rules;
}

export type RoutingProblem = { rule: number | null; field: string; sv: string; en: string };

const fieldNames: Record<string, { sv: string; en: string }> = {
  id: { sv: 'Namn', en: 'Name' },
  urgency: { sv: 'Brådska', en: 'Urgency' },
  group: { sv: 'Grupp', en: 'Group' },
  complaints: { sv: 'Sökorsaker', en: 'Complaints' },
  minAge: { sv: 'Lägsta ålder', en: 'Minimum age' },
  maxAge: { sv: 'Ålder under', en: 'Age below' },
  time: { sv: 'Tid', en: 'Time' },
  kinds: { sv: 'Vård', en: 'Care' },
};

/** Every problem with a proposed rule set, per rule and field, in both languages. */
export function routingProblems(raw: unknown): { rules: RoutingRule[] } | { problems: RoutingProblem[] } {
  const problems: RoutingProblem[] = [];
  const parsed = routingRulesSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [top, index, field] = issue.path;
      if (top === 'rules' && typeof index === 'number') {
        const name = fieldNames[String(field ?? '')];
        const fieldText = name ?? { sv: 'Regeln', en: 'The rule' };
        problems.push({
          rule: index,
          field: String(field ?? ''),
          sv: field === 'kinds' && issue.code === 'too_small' ? 'Välj minst en typ av vård.' : `${fieldText.sv}: värdet är inte giltigt.`,
          en: field === 'kinds' && issue.code === 'too_small' ? 'Choose at least one kind of care.' : `${fieldText.en}: the value is not valid.`,
        });
      } else problems.push({ rule: null, field: '', sv: 'Det måste finnas minst en regel.', en: 'There must be at least one rule.' });
    }
    return { problems };
  }
  const rules = parsed.data.rules;
  const content = triageContent();
  const groups = new Set([...content.complaints.values()].map((complaint) => complaint.routing).filter((group): group is string => typeof group === 'string'));
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    if (seen.has(rule.id)) problems.push({ rule: index, field: 'id', sv: 'Namnet används redan av en annan regel.', en: 'Another rule already has this name.' });
    seen.add(rule.id);
    if (rule.minAge !== undefined && rule.maxAge !== undefined && rule.minAge >= rule.maxAge)
      problems.push({ rule: index, field: 'maxAge', sv: 'Åldersgränsen måste vara högre än den lägsta åldern.', en: 'The upper age must be above the minimum age.' });
    for (const group of rule.group ?? [])
      if (!groups.has(group)) problems.push({ rule: index, field: 'group', sv: `Gruppen ”${group}” finns inte.`, en: `There is no group "${group}".` });
    for (const complaint of rule.complaints ?? [])
      if (!content.complaints.has(complaint)) problems.push({ rule: index, field: 'complaints', sv: `Sökorsaken ”${complaint}” finns inte.`, en: `There is no complaint "${complaint}".` });
    if (new Set(rule.kinds).size !== rule.kinds.length) problems.push({ rule: index, field: 'kinds', sv: 'Samma typ av vård står två gånger.', en: 'The same kind of care is listed twice.' });
  });
  return problems.length > 0 ? { problems } : { rules };
}

const routingRefused = (problems: RoutingProblem[]) =>
  new AppError('triage_routing_invalid', 400, { sv: 'Reglerna sparades inte: rätta felen som visas vid reglerna.', en: 'The rules were not saved: correct the errors shown at the rules.' }, { problems });

export type RoutingSettings = {
  rules: RoutingRule[];
  source: 'standard' | 'region';
  savedAt: string | null;
  savedBy: string | null;
  standard: RoutingRule[];
  options: { groups: string[]; careKinds: { id: string; label: { sv: string; en: string } }[]; timeBands: string[]; complaints: string[] };
};

async function settingsOf(db: Database): Promise<RoutingSettings> {
  const current = await readCurrent(db);
  const content = triageContent();
  return {
    rules: current.rules,
    source: current.source,
    savedAt: current.savedAt?.toISOString() ?? null,
    savedBy: current.savedBy,
    standard: standardRoutingRules(),
    options: {
      groups: [...new Set([...content.complaints.values()].map((complaint) => complaint.routing).filter((group): group is string => typeof group === 'string'))].sort(),
      careKinds: careKinds.map((id) => ({ id, label: careKindLabels[id] })),
      timeBands: [...timeBands],
      complaints: [...content.complaints.keys()].sort(),
    },
  };
}

export async function routingSettings(context: ServiceContext, actor: StaffActor): Promise<RoutingSettings> {
  return context.db.transaction(async (tx) => {
    await requireRegionAdministrator(tx, actor);
    return settingsOf(tx);
  });
}

/** Saves a new version (rules) or returns to the standard (null). */
export async function saveRouting(context: ServiceContext, actor: StaffActor, raw: unknown | null): Promise<RoutingSettings> {
  const settings = await context.db.transaction(async (tx) => {
    await requireRegionAdministrator(tx, actor);
    let rules: RoutingRule[] | null = null;
    if (raw !== null) {
      const checked = routingProblems(raw);
      if ('problems' in checked) throw routingRefused(checked.problems);
      rules = checked.rules;
    }
    const [row] = await tx
      .insert(triageRoutingVersions)
      .values({ rules, savedAt: context.clock.now(), savedByStaffId: actor.staffId })
      .returning({ id: triageRoutingVersions.id });
    await recordAudit(tx, context, actor, { action: 'update', objectType: 'triage_routing', objectId: row!.id, reason: rules === null ? 'reset to the standard' : null });
    return settingsOf(tx);
  });
  cache.delete(context.db);
  return settings;
}
