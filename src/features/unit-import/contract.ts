import { z } from 'zod';
import { importColumns, lineErrorCodes } from './model.ts';

/** POST /api/admin/unit-import: a region's unit catalogue as CSV in, a per-line report out. */
export const importQuerySchema = z.object({
  /** Preview unless asked to apply: a forgotten parameter never changes the catalogue. */
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

export const importActions = ['create', 'update', 'unchanged', 'invalid'] as const;
export type ImportAction = (typeof importActions)[number];

export const importLineSchema = z.object({
  /** The line of the file the record starts on; the header is line 1. */
  line: z.number().int(),
  hsaId: z.string(),
  action: z.enum(importActions),
  /** For an update: the columns that change. */
  changes: z.array(z.enum(importColumns)).optional(),
  errors: z
    .array(z.object({ field: z.union([z.enum(importColumns), z.literal('*')]), code: z.enum(lineErrorCodes), message: z.string() }))
    .optional(),
});
export type ImportLine = z.infer<typeof importLineSchema>;

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  summary: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), invalid: z.number().int() }),
  lines: z.array(importLineSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;
