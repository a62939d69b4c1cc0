import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MigrationError, planMigrations, type MigrationFile } from './migrate.ts';

const file = (name: string, sql = `-- ${name}\ncreate table t_${name.slice(0, 4)} ();`): MigrationFile => ({
  name,
  sql,
  sha256: createHash('sha256').update(sql).digest('hex'),
});
const appliedAs = (f: MigrationFile) => ({ name: f.name, sha256: f.sha256 });

const first = file('0000_foundation.sql');
const second = file('0001_audit_append_only.sql');
const third = file('0002_messages.sql');
const fourth = file('0003_appointments.sql');
const all = [first, second, third, fourth];

describe('planMigrations: what to apply', () => {
  it('applies every file, in order, to an empty database', () => {
    expect(planMigrations(all, [])).toEqual(all);
  });

  it('applies only the files not yet applied, in order', () => {
    expect(planMigrations(all, [appliedAs(first), appliedAs(second)])).toEqual([third, fourth]);
  });

  it('applies nothing when every file has been applied', () => {
    expect(planMigrations(all, all.map(appliedAs))).toEqual([]);
  });

  it('does not care in which order the applied rows are listed', () => {
    expect(planMigrations(all, [appliedAs(second), appliedAs(first)])).toEqual([third, fourth]);
  });

  it('applies nothing when there are no files and nothing applied', () => {
    expect(planMigrations([], [])).toEqual([]);
  });
});

describe('planMigrations: refusals', () => {
  it('refuses an applied file whose content changed since it was applied', () => {
    const edited = file(second.name, `${second.sql}\nalter table t add column x int;`);
    const plan = () => planMigrations([first, edited, third], [appliedAs(first), appliedAs(second)]);
    expect(plan).toThrow(MigrationError);
    expect(plan).toThrow(/0001_audit_append_only\.sql was changed after it was applied/);
  });

  it('refuses an applied file that is missing from disk', () => {
    const plan = () => planMigrations([first, third], [appliedAs(first), appliedAs(second)]);
    expect(plan).toThrow(MigrationError);
    expect(plan).toThrow(/0001_audit_append_only\.sql is missing/);
  });

  it('refuses a pending file that sorts before the newest applied one', () => {
    const plan = () => planMigrations(all, [appliedAs(first), appliedAs(third)]);
    expect(plan).toThrow(MigrationError);
    expect(plan).toThrow(/0001_audit_append_only\.sql sorts before the already applied 0002_messages\.sql/);
  });

  it('names every out-of-order file', () => {
    const plan = () => planMigrations(all, [appliedAs(fourth)]);
    expect(plan).toThrow(/0000_foundation\.sql, 0001_audit_append_only\.sql, 0002_messages\.sql sorts before/);
  });

  it('refuses to apply anything at all when one file is out of order, even a later one', () => {
    const fifth = file('0004_later.sql');
    expect(() => planMigrations([...all, fifth], [appliedAs(first), appliedAs(third)])).toThrow(MigrationError);
  });
});
