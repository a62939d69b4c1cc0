CREATE TABLE "triage_outcomes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"complaint_id" text NOT NULL,
	"urgency" text NOT NULL,
	"age_band" text NOT NULL,
	"occurred_on" date NOT NULL,
	"hour" smallint NOT NULL,
	CONSTRAINT "triage_outcomes_urgency" CHECK ("triage_outcomes"."urgency" in ('call-112', 'emergency-now', 'care-today', 'care-days', 'self-care')),
	CONSTRAINT "triage_outcomes_age_band" CHECK ("triage_outcomes"."age_band" in ('0-1', '1-5', '6-12', '13-17', '18-39', '40-64', '65-79', '80+')),
	CONSTRAINT "triage_outcomes_hour" CHECK ("triage_outcomes"."hour" between 0 and 23)
);
--> statement-breakpoint
CREATE TABLE "triage_routing_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"rules" jsonb,
	"saved_at" timestamp with time zone NOT NULL,
	"saved_by_staff_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "triage_routing_versions" ADD CONSTRAINT "triage_routing_versions_saved_by_staff_id_staff_id_fk" FOREIGN KEY ("saved_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "triage_outcomes_occurred_on" ON "triage_outcomes" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "triage_routing_versions_seq" ON "triage_routing_versions" USING btree ("seq");