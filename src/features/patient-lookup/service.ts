import { accessPatient } from '../../platform/access/access.ts';
import { listCareRelationsAt } from '../../platform/access/store.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findPersonByIdentityNumber, listGuardiansOf } from '../../platform/people/store.ts';
import { formatIdentityNumber, parseIdentityNumber } from '../../lib/personnummer.ts';
import { ageOn, stockholmDate } from '../../lib/stockholm-time.ts';
import type { PatientLookupRequest, PatientSummary } from './contract.ts';

const invalidIdentityNumber = () =>
  new AppError('invalid_identity_number', 400, {
    sv: 'Det är inte ett giltigt person- eller samordningsnummer. Skriv 12 siffror, till exempel 19880412-2383.',
    en: 'That is not a valid personal identity or coordination number. Enter 12 digits, for example 19880412-2383.',
  });

const patientNotFound = () =>
  new AppError('patient_not_found', 404, {
    sv: 'Ingen patient med det numret finns i regionen.',
    en: 'No patient with that number exists in the region.',
  });

export async function lookupPatient(context: ServiceContext, actor: StaffActor, request: PatientLookupRequest): Promise<PatientSummary> {
  const identity = parseIdentityNumber(request.identityNumber);
  if (!identity) throw invalidIdentityNumber();
  return context.db.transaction(async (tx) => {
    const person = await findPersonByIdentityNumber(tx, identity.normalised);
    if (!person) throw patientNotFound();
    const basis = await accessPatient(tx, context, actor, person.id, {
      action: 'read',
      objectType: 'patient_summary',
      objectId: person.id,
      emergencyReason: request.emergencyReason,
    });
    const relations = await listCareRelationsAt(tx, context.clock.now(), actor.unitId!, person.id);
    const guardians = await listGuardiansOf(tx, person.id);
    return {
      id: person.id,
      identityNumber: formatIdentityNumber(person.identityNumber),
      identityKind: person.identityKind as PatientSummary['identityKind'],
      givenName: person.givenName,
      familyName: person.familyName,
      birthDate: person.birthDate,
      age: ageOn(person.birthDate, stockholmDate(context.clock.now())),
      protectedIdentity: person.protectedIdentity,
      accessBasis: basis === 'emergency' ? 'emergency' : 'care_relation',
      careRelationsAtUnit: relations.map((relation) => ({
        kind: relation.kind as 'listed' | 'ongoing',
        startedAt: relation.startedAt.toISOString(),
      })),
      guardians: guardians.map((guardian) => ({ displayName: `${guardian.givenName} ${guardian.familyName}` })),
    };
  });
}
