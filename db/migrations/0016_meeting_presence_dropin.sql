CREATE TABLE "meeting_dropin_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"open" boolean DEFAULT false NOT NULL,
	"opens_at" text,
	"closes_at" text,
	"changed_by_staff_id" uuid,
	"changed_at" timestamp with time zone,
	CONSTRAINT "meeting_dropin_settings_hours" CHECK (("meeting_dropin_settings"."opens_at" is null) = ("meeting_dropin_settings"."closes_at" is null)),
	CONSTRAINT "meeting_dropin_settings_format" CHECK ("meeting_dropin_settings"."opens_at" is null or ("meeting_dropin_settings"."opens_at" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "meeting_dropin_settings"."closes_at" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'))
);
--> statement-breakpoint
CREATE TABLE "meeting_dropins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"queued_by_person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"taken_at" timestamp with time zone,
	"taken_by_staff_id" uuid,
	"meeting_id" uuid,
	"left_at" timestamp with time zone,
	CONSTRAINT "meeting_dropins_status" CHECK ("meeting_dropins"."status" in ('waiting', 'taken', 'left')),
	CONSTRAINT "meeting_dropins_taken" CHECK (("meeting_dropins"."status" = 'taken') = ("meeting_dropins"."meeting_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD COLUMN "presence_socket" text;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD COLUMN "disconnected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD COLUMN "mic_off" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD COLUMN "camera_off" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_dropin_settings" ADD CONSTRAINT "meeting_dropin_settings_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_dropin_settings" ADD CONSTRAINT "meeting_dropin_settings_changed_by_staff_id_staff_id_fk" FOREIGN KEY ("changed_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_dropins" ADD CONSTRAINT "meeting_dropins_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_dropins" ADD CONSTRAINT "meeting_dropins_patient_id_persons_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_dropins" ADD CONSTRAINT "meeting_dropins_queued_by_person_id_persons_id_fk" FOREIGN KEY ("queued_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_dropins" ADD CONSTRAINT "meeting_dropins_taken_by_staff_id_staff_id_fk" FOREIGN KEY ("taken_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_dropins" ADD CONSTRAINT "meeting_dropins_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_dropins_one_waiting" ON "meeting_dropins" USING btree ("unit_id","patient_id") WHERE "meeting_dropins"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "meeting_dropins_queue" ON "meeting_dropins" USING btree ("unit_id","queued_at") WHERE "meeting_dropins"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "meeting_dropins_patient" ON "meeting_dropins" USING btree ("patient_id","queued_at");--> statement-breakpoint
CREATE INDEX "meeting_participants_disconnected" ON "meeting_participants" USING btree ("disconnected_at") WHERE "meeting_participants"."disconnected_at" is not null;