import { z } from 'zod';

/**
 * Questions of a unit's own case type or extra questions on Förnya recept (C2).
 * The shape is a subset of FHIR R4 Questionnaire.item, so mapping to FHIR is a
 * function, not a migration.
 */
export const questionTypes = ['text', 'boolean', 'choice', 'multiple_choice', 'date', 'number'] as const;
export type QuestionType = (typeof questionTypes)[number];

export const questionItemSchema = z
  .object({
    linkId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'linkId: lower-case letters, digits, - and _'),
    text: z.string().trim().min(3).max(300),
    type: z.enum(questionTypes),
    required: z.boolean(),
    options: z.array(z.string().trim().min(1).max(120)).max(20).optional(),
  })
  .refine((item) => (item.type === 'choice' || item.type === 'multiple_choice' ? (item.options?.length ?? 0) >= 2 : item.options === undefined), {
    message: 'choice questions need at least two options; other types take none',
    path: ['options'],
  });
export type QuestionItem = z.infer<typeof questionItemSchema>;

export const questionListSchema = (max: number) =>
  z
    .array(questionItemSchema)
    .max(max)
    .refine((items) => new Set(items.map((item) => item.linkId)).size === items.length, { message: 'each question needs its own linkId' });

type FhirItem = {
  linkId: string;
  text: string;
  type: 'text' | 'boolean' | 'choice' | 'date' | 'decimal';
  required: boolean;
  repeats?: boolean;
  answerOption?: { valueString: string }[];
};

const fhirType: Record<QuestionType, FhirItem['type']> = {
  text: 'text',
  boolean: 'boolean',
  choice: 'choice',
  multiple_choice: 'choice',
  date: 'date',
  number: 'decimal',
};

export function toFhirItem(item: QuestionItem): FhirItem {
  return {
    linkId: item.linkId,
    text: item.text,
    type: fhirType[item.type],
    required: item.required,
    ...(item.type === 'multiple_choice' ? { repeats: true } : {}),
    ...(item.options ? { answerOption: item.options.map((option) => ({ valueString: option })) } : {}),
  };
}

/** A FHIR R4 Questionnaire for a case type's questions. */
export function toFhirQuestionnaire(input: { id: string; title: string; description: string; items: QuestionItem[] }) {
  return {
    resourceType: 'Questionnaire' as const,
    id: input.id,
    status: 'active' as const,
    title: input.title,
    description: input.description,
    item: input.items.map(toFhirItem),
  };
}

/** The two control questions built into Förnya recept (seed 002); the unit's own follow them. */
export const renewalControlQuestions: QuestionItem[] = [
  { linkId: 'works', text: 'Fungerar läkemedlet som det ska?', type: 'boolean', required: true },
  { linkId: 'side-effects', text: 'Har du fått några biverkningar?', type: 'boolean', required: true },
];
