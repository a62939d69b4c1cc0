/** npm run triage:check — validates the triage content, prints coverage per complaint and runs the vignettes. */
import path from 'node:path';
import { compileContent } from '../src/features/triage/model.ts';
import { readRawContent, TRIAGE_CONTENT_DIR } from '../src/features/triage/content.ts';
import { formatReport, validateContent } from '../src/features/triage/validate.ts';
import { formatSuite, readVignettes, runSuite } from '../src/features/triage/vignettes.ts';

const raw = readRawContent();
const content = compileContent(raw);
const report = validateContent(raw, content);
console.log(formatReport(report));
const suite = runSuite(content, readVignettes(path.join(TRIAGE_CONTENT_DIR, 'tests')));
console.log('\n' + formatSuite(suite));
const emergencyUnder = suite.perLevel['call-112'].under + suite.perLevel['emergency-now'].under;
process.exit(report.errors.length > 0 || emergencyUnder > 0 ? 1 : 0);
