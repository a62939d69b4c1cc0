CREATE TABLE "unit_profiles" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"street_address" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"phone" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"description_sv" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"care_offered" text[] NOT NULL,
	"opening_hours" jsonb NOT NULL,
	"search_text" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eservices" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"description_sv" text NOT NULL,
	"description_en" text NOT NULL,
	"terms_template_sv" text NOT NULL,
	"terms_template_en" text NOT NULL,
	"applies_to_unit_kinds" text[] NOT NULL,
	"basic_offering" boolean NOT NULL,
	"sort_order" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "terms_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"eservice_code" text NOT NULL,
	"version" integer NOT NULL,
	"text_sv" text NOT NULL,
	"text_en" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_staff_id" uuid,
	CONSTRAINT "terms_versions_unit_service_version" UNIQUE("unit_id","eservice_code","version")
);
--> statement-breakpoint
CREATE TABLE "unit_case_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"questions" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"terms_version_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_staff_id" uuid
);
--> statement-breakpoint
CREATE TABLE "unit_eservices" (
	"unit_id" uuid NOT NULL,
	"eservice_code" text NOT NULL,
	"status" text NOT NULL,
	"offered_by_phone_or_desk" boolean DEFAULT false NOT NULL,
	"not_applicable_reason" text,
	"patient_group" jsonb NOT NULL,
	"extra_questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"current_terms_version_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_staff_id" uuid,
	CONSTRAINT "unit_eservices_unit_id_eservice_code_pk" PRIMARY KEY("unit_id","eservice_code"),
	CONSTRAINT "unit_eservices_status_check" CHECK ("unit_eservices"."status" in ('active', 'inactive', 'not_applicable')),
	CONSTRAINT "unit_eservices_reason_check" CHECK ("unit_eservices"."status" <> 'not_applicable' or "unit_eservices"."not_applicable_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "unit_profiles" ADD CONSTRAINT "unit_profiles_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms_versions" ADD CONSTRAINT "terms_versions_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms_versions" ADD CONSTRAINT "terms_versions_eservice_code_eservices_code_fk" FOREIGN KEY ("eservice_code") REFERENCES "public"."eservices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms_versions" ADD CONSTRAINT "terms_versions_created_by_staff_id_staff_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_case_types" ADD CONSTRAINT "unit_case_types_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_case_types" ADD CONSTRAINT "unit_case_types_terms_version_id_terms_versions_id_fk" FOREIGN KEY ("terms_version_id") REFERENCES "public"."terms_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_case_types" ADD CONSTRAINT "unit_case_types_updated_by_staff_id_staff_id_fk" FOREIGN KEY ("updated_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_eservices" ADD CONSTRAINT "unit_eservices_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_eservices" ADD CONSTRAINT "unit_eservices_eservice_code_eservices_code_fk" FOREIGN KEY ("eservice_code") REFERENCES "public"."eservices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_eservices" ADD CONSTRAINT "unit_eservices_current_terms_version_id_terms_versions_id_fk" FOREIGN KEY ("current_terms_version_id") REFERENCES "public"."terms_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_eservices" ADD CONSTRAINT "unit_eservices_updated_by_staff_id_staff_id_fk" FOREIGN KEY ("updated_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;