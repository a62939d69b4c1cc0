-- Idempotency keys (platform/http/idempotency.ts): the first answer per (key, actor, route).
-- Terms versions of units' own case types (features/case-types/tables.ts explains why not terms_versions).
CREATE TABLE "idempotency_keys" (
	"key" text NOT NULL,
	"actor_id" text NOT NULL,
	"route" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_key_actor_id_route_pk" PRIMARY KEY("key","actor_id","route")
);
--> statement-breakpoint
CREATE TABLE "case_type_terms_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_type_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text_sv" text NOT NULL,
	"text_en" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_staff_id" uuid,
	CONSTRAINT "case_type_terms_versions_type_version" UNIQUE("case_type_id","version")
);
--> statement-breakpoint
ALTER TABLE "case_type_terms_versions" ADD CONSTRAINT "case_type_terms_versions_case_type_id_unit_case_types_id_fk" FOREIGN KEY ("case_type_id") REFERENCES "public"."unit_case_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_type_terms_versions" ADD CONSTRAINT "case_type_terms_versions_created_by_staff_id_staff_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;