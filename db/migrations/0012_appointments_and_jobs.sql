CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_key_unique" UNIQUE("key"),
	CONSTRAINT "jobs_status" CHECK ("jobs"."status" in ('pending', 'done', 'failed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "appointment_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"reminder_hours_before" integer NOT NULL,
	"booking_horizon_days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "appointment_settings_reminder" CHECK ("appointment_settings"."reminder_hours_before" between 1 and 168),
	CONSTRAINT "appointment_settings_horizon" CHECK ("appointment_settings"."booking_horizon_days" between 7 and 365)
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"visit_type_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"booked_by_person_id" uuid,
	"booked_by_staff_id" uuid,
	"booked_at" timestamp with time zone NOT NULL,
	"note_to_patient" text,
	"changed_at" timestamp with time zone,
	"changed_by_person_id" uuid,
	"changed_by_staff_id" uuid,
	"rebooked_from_id" uuid,
	"replaced_by_id" uuid,
	CONSTRAINT "appointments_status" CHECK ("appointments"."status" in ('booked', 'arrived', 'no_show', 'cancelled', 'rebooked')),
	CONSTRAINT "appointments_channel" CHECK ("appointments"."channel" in ('at_unit', 'video', 'phone')),
	CONSTRAINT "appointments_time" CHECK ("appointments"."ends_at" > "appointments"."starts_at"),
	CONSTRAINT "appointments_booked_by" CHECK (num_nonnulls("appointments"."booked_by_person_id", "appointments"."booked_by_staff_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "schedule_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"staff_id" uuid,
	"room_name" text,
	"template" jsonb NOT NULL,
	"visit_type_ids" uuid[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "schedule_resources_kind" CHECK ("schedule_resources"."kind" in ('staff', 'room')),
	CONSTRAINT "schedule_resources_kind_fields" CHECK (("schedule_resources"."kind" = 'staff' and "schedule_resources"."staff_id" is not null and "schedule_resources"."room_name" is null) or ("schedule_resources"."kind" = 'room' and "schedule_resources"."staff_id" is null and "schedule_resources"."room_name" is not null))
);
--> statement-breakpoint
CREATE TABLE "visit_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"preparation" text DEFAULT '' NOT NULL,
	"length_minutes" integer NOT NULL,
	"channel" text NOT NULL,
	"bookable_online_by" text NOT NULL,
	"cancellation_hours" integer NOT NULL,
	"published" boolean NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_types_channel" CHECK ("visit_types"."channel" in ('at_unit', 'video', 'phone')),
	CONSTRAINT "visit_types_bookable_online_by" CHECK ("visit_types"."bookable_online_by" in ('nobody', 'listed', 'anyone')),
	CONSTRAINT "visit_types_length" CHECK ("visit_types"."length_minutes" between 5 and 480),
	CONSTRAINT "visit_types_cancellation_hours" CHECK ("visit_types"."cancellation_hours" between 0 and 720)
);
--> statement-breakpoint
ALTER TABLE "appointment_settings" ADD CONSTRAINT "appointment_settings_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_resource_id_schedule_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."schedule_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_visit_type_id_visit_types_id_fk" FOREIGN KEY ("visit_type_id") REFERENCES "public"."visit_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_id_persons_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_person_id_persons_id_fk" FOREIGN KEY ("booked_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_staff_id_staff_id_fk" FOREIGN KEY ("booked_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_changed_by_person_id_persons_id_fk" FOREIGN KEY ("changed_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_changed_by_staff_id_staff_id_fk" FOREIGN KEY ("changed_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_resources" ADD CONSTRAINT "schedule_resources_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_resources" ADD CONSTRAINT "schedule_resources_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_types" ADD CONSTRAINT "visit_types_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_due" ON "jobs" USING btree ("run_at") WHERE "jobs"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "appointments_patient" ON "appointments" USING btree ("patient_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_unit_time" ON "appointments" USING btree ("unit_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_resource_time" ON "appointments" USING btree ("resource_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_resources_one_per_staff_unit" ON "schedule_resources" USING btree ("unit_id","staff_id") WHERE "schedule_resources"."staff_id" is not null;--> statement-breakpoint
CREATE INDEX "schedule_resources_unit" ON "schedule_resources" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "visit_types_unit" ON "visit_types" USING btree ("unit_id");--> statement-breakpoint
-- No double booking, ever (issue 5): two live bookings of one resource may not overlap.
-- The database decides, so concurrent requests cannot both win; the loser gets 23P01.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap" EXCLUDE USING gist ("resource_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" in ('booked', 'arrived', 'no_show'));
