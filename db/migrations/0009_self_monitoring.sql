CREATE TABLE "monitoring_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"key" text NOT NULL,
	"details" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_staff_id" uuid,
	"note" text,
	CONSTRAINT "monitoring_alerts_status_check" CHECK ("monitoring_alerts"."status" in ('open', 'acknowledged')),
	CONSTRAINT "monitoring_alerts_severity_check" CHECK ("monitoring_alerts"."severity" in ('info', 'attention', 'urgent'))
);
--> statement-breakpoint
CREATE TABLE "monitoring_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"programme_code" text NOT NULL,
	"programme_version" integer NOT NULL,
	"limits" jsonb NOT NULL,
	"schedule" jsonb NOT NULL,
	"start_date" date NOT NULL,
	"status" text NOT NULL,
	"enrolled_by_staff_id" uuid NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by_staff_id" uuid,
	"end_reason" text,
	"open_alert_severity" integer DEFAULT 0 NOT NULL,
	"open_alert_count" integer DEFAULT 0 NOT NULL,
	"last_alert_at" timestamp with time zone,
	"last_reading_at" timestamp with time zone,
	"checked_at" timestamp with time zone,
	CONSTRAINT "monitoring_enrolments_status_check" CHECK ("monitoring_enrolments"."status" in ('active', 'ended')),
	CONSTRAINT "monitoring_enrolments_severity_check" CHECK ("monitoring_enrolments"."open_alert_severity" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE "monitoring_observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"task" text NOT NULL,
	"observation" text NOT NULL,
	"code" text NOT NULL,
	"code_system" text NOT NULL,
	"unit" text NOT NULL,
	"value" double precision NOT NULL,
	"answers" jsonb,
	"effective_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"device" text,
	"entered_by_person_id" uuid,
	CONSTRAINT "monitoring_observations_source_check" CHECK ("monitoring_observations"."source" in ('manual', 'bluetooth'))
);
--> statement-breakpoint
ALTER TABLE "monitoring_alerts" ADD CONSTRAINT "monitoring_alerts_enrolment_id_monitoring_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."monitoring_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_alerts" ADD CONSTRAINT "monitoring_alerts_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_alerts" ADD CONSTRAINT "monitoring_alerts_patient_id_persons_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_alerts" ADD CONSTRAINT "monitoring_alerts_acknowledged_by_staff_id_staff_id_fk" FOREIGN KEY ("acknowledged_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_enrolments" ADD CONSTRAINT "monitoring_enrolments_patient_id_persons_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_enrolments" ADD CONSTRAINT "monitoring_enrolments_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_enrolments" ADD CONSTRAINT "monitoring_enrolments_enrolled_by_staff_id_staff_id_fk" FOREIGN KEY ("enrolled_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_enrolments" ADD CONSTRAINT "monitoring_enrolments_ended_by_staff_id_staff_id_fk" FOREIGN KEY ("ended_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_observations" ADD CONSTRAINT "monitoring_observations_enrolment_id_monitoring_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."monitoring_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_observations" ADD CONSTRAINT "monitoring_observations_patient_id_persons_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_observations" ADD CONSTRAINT "monitoring_observations_entered_by_person_id_persons_id_fk" FOREIGN KEY ("entered_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_alerts_enrolment_key" ON "monitoring_alerts" USING btree ("enrolment_id","key");--> statement-breakpoint
CREATE INDEX "monitoring_alerts_enrolment_time" ON "monitoring_alerts" USING btree ("enrolment_id","created_at");--> statement-breakpoint
CREATE INDEX "monitoring_alerts_unit_open" ON "monitoring_alerts" USING btree ("unit_id","severity") WHERE "monitoring_alerts"."status" = 'open';--> statement-breakpoint
CREATE INDEX "monitoring_enrolments_dashboard" ON "monitoring_enrolments" USING btree ("unit_id","open_alert_severity" desc,coalesce("last_alert_at", "last_reading_at", "enrolled_at") desc,"id") WHERE "monitoring_enrolments"."status" = 'active';--> statement-breakpoint
CREATE INDEX "monitoring_enrolments_patient" ON "monitoring_enrolments" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_enrolments_one_active" ON "monitoring_enrolments" USING btree ("patient_id","unit_id","programme_code") WHERE "monitoring_enrolments"."status" = 'active';--> statement-breakpoint
CREATE INDEX "monitoring_observations_enrolment_time" ON "monitoring_observations" USING btree ("enrolment_id","effective_at");