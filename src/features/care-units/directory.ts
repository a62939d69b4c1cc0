/**
 * What other features may ask of the unit directory. The HSA import compares a file with
 * the units and profiles that exist and writes profiles through here, never our tables.
 */
export { findUnitsByHsaIds, upsertProfiles, type ExistingUnitRow, type ProfileValues } from './store.ts';
export { unitSearchText } from './model.ts';
/** Units of a kind, open now, nearest first when a position is given (triage routing reads this). */
export { findUnits } from './service.ts';
/** Where a unit is and how to call it (appointments show this with each booking). */
export { findUnitContacts } from './store.ts';
