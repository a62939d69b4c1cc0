import { recordAudit, verifyAuditChain } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { normaliseOptionPackages } from '../../platform/organisations/model.ts';
import { findOrganisation, listOrganisations, listUnitsWithCounts, setOptionPackages } from '../../platform/organisations/store.ts';
import type { AdminOverview } from './contract.ts';
import { isRegionAdministrator } from '../../platform/organisations/administrators.ts';

/**
 * A region administrator sees and manages every organisation in the region (the
 * option packages are agreements between the region and each municipality); a
 * municipality administrator sees their own organisation.
 */
async function administeredScope(tx: Tx, actor: StaffActor) {
  if (actor.administeredOrganisationIds.length === 0) throw errors.forbidden();
  const regionAdministrator = await isRegionAdministrator(tx, actor);
  return {
    isRegionAdministrator: regionAdministrator,
    visible: await listOrganisations(tx, regionAdministrator ? undefined : actor.administeredOrganisationIds),
  };
}

export async function getAdminOverview(context: ServiceContext, actor: StaffActor): Promise<AdminOverview> {
  return context.db.transaction(async (tx) => {
    const { isRegionAdministrator, visible } = await administeredScope(tx, actor);
    const units = await listUnitsWithCounts(tx, context.clock.now(), visible.map((organisation) => organisation.id));
    return {
      isRegionAdministrator,
      organisations: visible.map((organisation) => ({
        id: organisation.id,
        kind: organisation.kind as AdminOverview['organisations'][number]['kind'],
        name: organisation.name,
        organisationNumber: organisation.organisationNumber,
        optionPackages: organisation.optionPackages,
        canEditOptionPackages: isRegionAdministrator && organisation.kind !== 'region',
        units: units
          .filter((unit) => unit.organisationId === organisation.id)
          .map(({ organisationId: _organisationId, ...unit }) => ({ ...unit, kind: unit.kind as AdminOverview['organisations'][number]['units'][number]['kind'] })),
      })),
    };
  });
}

export async function changeOptionPackages(context: ServiceContext, actor: StaffActor, organisationId: string, packages: number[]) {
  const normalised = normaliseOptionPackages(packages);
  if ('invalid' in normalised) {
    throw new AppError(
      'invalid_option_packages',
      400,
      {
        sv: 'Ogiltiga avtalspaket: paket 1 (informationsutbyte) ingår alltid, och bara paket 1–3 finns.',
        en: 'Invalid option packages: package 1 (information exchange) is always included, and only packages 1–3 exist.',
      },
      { reason: normalised.invalid },
    );
  }
  await context.db.transaction(async (tx) => {
    const { isRegionAdministrator } = await administeredScope(tx, actor);
    const organisation = await findOrganisation(tx, organisationId);
    if (!organisation) throw errors.notFound({ sv: 'Organisationen finns inte.', en: 'No such organisation.' });
    if (!isRegionAdministrator || organisation.kind === 'region') {
      throw errors.forbidden({ sv: 'Bara regionens administratör kan ändra avtalspaket.', en: 'Only the region administrator can change option packages.' });
    }
    await setOptionPackages(tx, organisationId, normalised);
    await recordAudit(tx, context, actor, { action: 'update', objectType: 'organisation_option_packages', objectId: organisationId, reason: normalised.join(',') });
  });
}

export async function verifyAudit(context: ServiceContext, actor: StaffActor) {
  return context.db.transaction(async (tx) => {
    const { isRegionAdministrator } = await administeredScope(tx, actor);
    if (!isRegionAdministrator) throw errors.forbidden();
    return verifyAuditChain(tx);
  });
}
