import path from 'node:path';

/** Where the integration tests' migrated PGlite template is kept between global setup and the test files. */
export const TEMPLATE_PATH = path.resolve(import.meta.dirname, '../../../.tmp/pglite-test-template.tar');
