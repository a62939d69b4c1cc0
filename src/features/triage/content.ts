/**
 * Reads the triage content (content/triage/): the coded vocabulary, the shared red-flag
 * modules and the complaints, and compiles it once per process. Content is data: a region
 * edits these files (and runs `npm run triage:check`) without touching the engine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compileContent, type RawComplaint, type RawContent, type RawModule, type TriageContent, type VocabularyEntry } from './model.ts';

export const TRIAGE_CONTENT_DIR = path.resolve(import.meta.dirname, '../../../content/triage');

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

export function readRawContent(dir = TRIAGE_CONTENT_DIR): RawContent {
  const vocabulary = readJson(path.join(dir, 'vocabulary.json')) as VocabularyEntry[];
  const modules = (readJson(path.join(dir, 'modules.json')) as { modules: RawModule[] }).modules;
  const complaintsDir = path.join(dir, 'complaints');
  const complaints = fs
    .readdirSync(complaintsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => (readJson(path.join(complaintsDir, name)) as { complaints: RawComplaint[] }).complaints);
  return { vocabulary, modules, complaints };
}

let cached: TriageContent | undefined;

/** The compiled content, read on first use. */
export function triageContent(): TriageContent {
  cached ??= compileContent(readRawContent());
  return cached;
}
