/**
 * Routing (G4): from the complaint's routing group, the urgency, the age and the moment
 * (time of day; weekends and Swedish holidays and their customary eves count as weekend) to
 * an ordered list of kinds of care. The first rule that matches wins. Pure; the service then
 * looks up units of those kinds that are open, nearest first.
 */
import { z } from 'zod';
import { isWorkingDay } from '../../lib/swedish-calendar.ts';
import { stockholmDate } from '../../lib/stockholm-time.ts';
import { urgencies, type Urgency } from './model.ts';

export const careKinds = ['112', '1177', 'akutmottagning', 'jourcentral', 'vardcentral', 'folktandvard', 'rehabilitering', 'ungdomsmottagning', 'barnavardscentral'] as const;
export type CareKind = (typeof careKinds)[number];
export const timeBands = ['office', 'evening', 'weekend-day', 'night'] as const;
export type TimeBand = (typeof timeBands)[number];

export const routingRuleSchema = z.object({
  id: z.string().min(1).max(60),
  urgency: z.array(z.enum(urgencies)).optional(),
  group: z.array(z.string().min(1).max(40)).optional(),
  complaints: z.array(z.string().min(1).max(60)).optional(),
  minAge: z.number().min(0).max(130).optional(),
  maxAge: z.number().min(0).max(130).optional(),
  time: z.array(z.enum(timeBands)).optional(),
  kinds: z.array(z.enum(careKinds)).min(1),
});
export type RoutingRule = z.infer<typeof routingRuleSchema>;
export const routingRulesSchema = z.object({ rules: z.array(routingRuleSchema).min(1) });

export const careKindLabels: Record<CareKind, { sv: string; en: string }> = {
  '112': { sv: 'Ring 112', en: 'Call 112' },
  '1177': { sv: 'Ring 1177 Vårdguiden', en: 'Call 1177 (medical advice line)' },
  akutmottagning: { sv: 'Akutmottagning', en: 'Emergency department' },
  jourcentral: { sv: 'Jourcentral', en: 'Out-of-hours clinic' },
  vardcentral: { sv: 'Vårdcentral', en: 'Primary care centre' },
  folktandvard: { sv: 'Tandvård', en: 'Dental care' },
  rehabilitering: { sv: 'Rehabilitering (fysioterapi)', en: 'Rehabilitation (physiotherapy)' },
  ungdomsmottagning: { sv: 'Ungdomsmottagning', en: 'Youth clinic' },
  barnavardscentral: { sv: 'Barnavårdscentral (BVC)', en: 'Child health centre (BVC)' },
};

const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', hourCycle: 'h23' });

/** Office hours are 08–17 on working days; evenings 17–22; weekend and holiday days 08–22; night 22–08. */
export function timeBandAt(at: Date): TimeBand {
  const hour = Number(hourFormat.format(at));
  if (hour < 8 || hour >= 22) return 'night';
  if (!isWorkingDay(stockholmDate(at))) return 'weekend-day';
  return hour < 17 ? 'office' : 'evening';
}

export type RoutingInput = { complaintId: string; group: string | undefined; urgency: Urgency; ageYears: number; at: Date };

export function route(rules: RoutingRule[], input: RoutingInput): { rule: RoutingRule | null; kinds: CareKind[]; band: TimeBand } {
  const band = timeBandAt(input.at);
  const rule = rules.find(
    (candidate) =>
      (!candidate.urgency || candidate.urgency.includes(input.urgency)) &&
      (!candidate.group || (input.group !== undefined && candidate.group.includes(input.group))) &&
      (!candidate.complaints || candidate.complaints.includes(input.complaintId)) &&
      (candidate.minAge === undefined || input.ageYears >= candidate.minAge) &&
      (candidate.maxAge === undefined || input.ageYears < candidate.maxAge) &&
      (!candidate.time || candidate.time.includes(band)),
  );
  // No rule: never a dead end — the phone always works.
  if (!rule) return { rule: null, kinds: input.urgency === 'call-112' ? ['112'] : ['1177'], band };
  // 112 is always the first way for a call-112 outcome, whatever an administrator entered.
  let kinds = input.urgency === 'call-112' && rule.kinds[0] !== '112' ? (['112', ...rule.kinds.filter((kind) => kind !== '112')] as CareKind[]) : rule.kinds;
  // An emergency always has the emergency department among its ways, whatever an administrator entered.
  if (input.urgency === 'emergency-now' && !kinds.includes('akutmottagning') && !kinds.includes('112')) kinds = [...kinds, 'akutmottagning'];
  return { rule, kinds, band };
}
