import { verifyAuditChain } from '../src/platform/audit/audit.ts';
import { databaseOptionsFrom, openDatabase } from '../src/platform/db/connect.ts';
import { DataDirLockedError } from '../src/platform/db/lockfile.ts';
import { loadConfig } from '../src/server/config.ts';

/**
 * `npm run audit:verify`: recomputes the audit log's hash chain and exits 1 if it
 * is broken. On the embedded database stop the server first (the data folder is
 * locked while it runs); a region administrator can run the same check in the app.
 */
const config = loadConfig();
let db: Awaited<ReturnType<typeof openDatabase>>;
try {
  db = await openDatabase(databaseOptionsFrom(config));
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
try {
  const result = await verifyAuditChain(db.db);
  if (result.ok) {
    process.stdout.write(`Audit log intact: ${result.rowsChecked} rows verified.\n`);
  } else {
    process.stderr.write(`Audit log BROKEN at seq ${result.firstProblem!.seq} (${result.firstProblem!.problem}) after ${result.rowsChecked} good rows.\n`);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
