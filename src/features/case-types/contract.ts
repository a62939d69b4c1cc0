import { z } from 'zod';
import { questionItemSchema, questionListSchema } from '../e-services/questions.ts';
import { CASE_TYPE_DESCRIPTION_MAX, CASE_TYPE_NAME_MAX, CASE_TYPE_NAME_MIN, MAX_CASE_TYPE_QUESTIONS } from './model.ts';

/** Requests and responses of /api/unit-admin/case-types and the extra questions of Förnya recept (C2). */

const termsTextsSchema = z.object({ sv: z.string().max(10_000), en: z.string().max(10_000) });

export const caseTypeParamsSchema = z.object({ id: z.uuid() });
export const eserviceCodeParamsSchema = z.object({ code: z.string().regex(/^[a-z_]{2,40}$/) });

export const caseTypeRequestSchema = z.object({
  name: z.string().trim().min(CASE_TYPE_NAME_MIN).max(CASE_TYPE_NAME_MAX),
  description: z.string().trim().max(CASE_TYPE_DESCRIPTION_MAX),
  questions: questionListSchema(MAX_CASE_TYPE_QUESTIONS).min(1),
});
export type CaseTypeRequest = z.infer<typeof caseTypeRequestSchema>;

/** An edit replaces name, description, questions and active; terms only when sent. */
export const caseTypeUpdateSchema = caseTypeRequestSchema.extend({
  active: z.boolean(),
  terms: termsTextsSchema.optional(),
});
export type CaseTypeUpdate = z.infer<typeof caseTypeUpdateSchema>;

export const caseTypeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  questions: z.array(questionItemSchema),
  active: z.boolean(),
  terms: z.object({ versionId: z.uuid(), version: z.number().int(), sv: z.string(), en: z.string() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CaseType = z.infer<typeof caseTypeSchema>;

export const caseTypeListSchema = z.object({ unitId: z.uuid(), caseTypes: z.array(caseTypeSchema) });
export type CaseTypeList = z.infer<typeof caseTypeListSchema>;

/** FHIR R4 Questionnaire, the subset toFhirQuestionnaire produces. */
export const fhirQuestionnaireSchema = z.object({
  resourceType: z.literal('Questionnaire'),
  id: z.string(),
  status: z.literal('active'),
  title: z.string(),
  description: z.string(),
  item: z.array(
    z.object({
      linkId: z.string(),
      text: z.string(),
      type: z.enum(['text', 'boolean', 'choice', 'date', 'decimal']),
      required: z.boolean(),
      repeats: z.boolean().optional(),
      answerOption: z.array(z.object({ valueString: z.string() })).optional(),
    }),
  ),
});
export type FhirQuestionnaire = z.infer<typeof fhirQuestionnaireSchema>;

/** The body is not limited to two here: the service answers three or more with too_many_extra_questions. */
export const extraQuestionsRequestSchema = z.object({ questions: questionListSchema(MAX_CASE_TYPE_QUESTIONS) });
export type ExtraQuestionsRequest = z.infer<typeof extraQuestionsRequestSchema>;

export const extraQuestionsSchema = z.object({
  code: z.string(),
  name: z.object({ sv: z.string(), en: z.string() }),
  /** The built-in control questions, locked. */
  builtIn: z.array(questionItemSchema),
  /** The unit's own, after the built-in ones. */
  own: z.array(questionItemSchema),
  max: z.number().int(),
  /** All of them in the order the patient answers them. */
  questions: z.array(questionItemSchema),
  questionnaire: fhirQuestionnaireSchema,
});
export type ExtraQuestions = z.infer<typeof extraQuestionsSchema>;
