import fs from 'node:fs';
import path from 'node:path';
import { programmeSchema, type Programme } from './programme.ts';

/**
 * The programmes in content/self-monitoring/*.json, read and validated once. A new
 * programme is a new file there (restart to load it); a broken file stops the start with
 * the file's name and the problem, rather than failing later at a patient's reading.
 */
export const programmeDirectory = path.resolve(import.meta.dirname, '../../../content/self-monitoring');

export function readProgrammes(directory = programmeDirectory): Map<string, Programme> {
  const programmes = new Map<string, Programme>();
  for (const file of fs.readdirSync(directory).filter((name) => name.endsWith('.json')).sort()) {
    const parsed = programmeSchema.safeParse(JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')));
    if (!parsed.success) throw new Error(`self-monitoring programme ${file}: ${parsed.error.message}`);
    if (programmes.has(parsed.data.code)) throw new Error(`self-monitoring programme ${file}: code ${parsed.data.code} is used twice`);
    programmes.set(parsed.data.code, parsed.data);
  }
  return programmes;
}

let cached: Map<string, Programme> | undefined;
export function programmes(): Map<string, Programme> {
  cached ??= readProgrammes();
  return cached;
}

export function findProgramme(code: string): Programme | undefined {
  return programmes().get(code);
}
