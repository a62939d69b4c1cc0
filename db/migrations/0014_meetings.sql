CREATE TABLE "meeting_messages" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"meeting_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid,
	"staff_id" uuid,
	"role" text NOT NULL,
	"state" text NOT NULL,
	"client_id" text,
	"hand_raised_at" timestamp with time zone,
	"screen_sharing_since" timestamp with time zone,
	"joined_at" timestamp with time zone NOT NULL,
	"waiting_since" timestamp with time zone,
	"admitted_at" timestamp with time zone,
	"first_admitted_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"present_seconds" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meeting_participants_role" CHECK ("meeting_participants"."role" in ('host', 'patient', 'relative', 'interpreter', 'care_provider', 'social_services', 'other')),
	CONSTRAINT "meeting_participants_state" CHECK ("meeting_participants"."state" in ('waiting', 'admitted', 'left', 'removed')),
	CONSTRAINT "meeting_participants_who" CHECK (num_nonnulls("meeting_participants"."person_id", "meeting_participants"."staff_id") <= 1),
	CONSTRAINT "meeting_participants_admitted" CHECK (("meeting_participants"."state" = 'admitted') = ("meeting_participants"."admitted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "meeting_unit_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"screen_sharing_allowed" boolean DEFAULT false NOT NULL,
	"decided_by_staff_id" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text,
	"created_by_staff_id" uuid,
	"host_staff_id" uuid NOT NULL,
	"appointment_id" uuid,
	"patient_id" uuid,
	"required_identification" text NOT NULL,
	"status" text NOT NULL,
	"screen_sharing_allowed" boolean NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_by_staff_id" uuid,
	CONSTRAINT "meetings_kind" CHECK ("meetings"."kind" in ('patient_care', 'care_care', 'care_planning', 'authority', 'education')),
	CONSTRAINT "meetings_required_identification" CHECK ("meetings"."required_identification" in ('strong_eid', 'id_on_camera')),
	CONSTRAINT "meetings_status" CHECK ("meetings"."status" in ('scheduled', 'open', 'ended')),
	CONSTRAINT "meetings_ended" CHECK (("meetings"."status" = 'ended') = ("meetings"."ended_at" is not null)),
	CONSTRAINT "meetings_patient_care_has_patient" CHECK ("meetings"."kind" <> 'patient_care' or "meetings"."patient_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "meeting_messages" ADD CONSTRAINT "meeting_messages_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_messages" ADD CONSTRAINT "meeting_messages_participant_id_meeting_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."meeting_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_unit_settings" ADD CONSTRAINT "meeting_unit_settings_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_unit_settings" ADD CONSTRAINT "meeting_unit_settings_decided_by_staff_id_staff_id_fk" FOREIGN KEY ("decided_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_staff_id_staff_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_host_staff_id_staff_id_fk" FOREIGN KEY ("host_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_patient_id_persons_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_ended_by_staff_id_staff_id_fk" FOREIGN KEY ("ended_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_messages_meeting_seq" ON "meeting_messages" USING btree ("meeting_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participants_person" ON "meeting_participants" USING btree ("meeting_id","person_id") WHERE "meeting_participants"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participants_staff" ON "meeting_participants" USING btree ("meeting_id","staff_id") WHERE "meeting_participants"."staff_id" is not null;--> statement-breakpoint
CREATE INDEX "meeting_participants_meeting" ON "meeting_participants" USING btree ("meeting_id","state");--> statement-breakpoint
CREATE INDEX "meeting_participants_person_of" ON "meeting_participants" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_staff_of" ON "meeting_participants" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_one_per_appointment" ON "meetings" USING btree ("appointment_id") WHERE "meetings"."appointment_id" is not null;--> statement-breakpoint
CREATE INDEX "meetings_unit_starts" ON "meetings" USING btree ("unit_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_patient" ON "meetings" USING btree ("patient_id","starts_at");