CREATE TABLE "meeting_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"role" text NOT NULL,
	"interpretation" text,
	"language" text,
	"invitee_name" text,
	"token_hash" text NOT NULL,
	"created_by_staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_staff_id" uuid,
	"used_at" timestamp with time zone,
	"used_by_person_id" uuid,
	"used_by_staff_id" uuid,
	"guest_name" text,
	"participant_id" uuid,
	"guest_session_hash" text,
	"guest_csrf_token" text,
	"guest_session_expires_at" timestamp with time zone,
	"id_checked_at" timestamp with time zone,
	"id_checked_by_staff_id" uuid,
	CONSTRAINT "meeting_invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "meeting_invitations_guest_session_hash_unique" UNIQUE("guest_session_hash"),
	CONSTRAINT "meeting_invitations_role" CHECK ("meeting_invitations"."role" in ('relative', 'interpreter', 'care_provider', 'social_services', 'other')),
	CONSTRAINT "meeting_invitations_interpretation" CHECK (("meeting_invitations"."role" = 'interpreter') = ("meeting_invitations"."interpretation" is not null)),
	CONSTRAINT "meeting_invitations_interpretation_kind" CHECK ("meeting_invitations"."interpretation" is null or "meeting_invitations"."interpretation" in ('spoken', 'sign_language', 'deafblind')),
	CONSTRAINT "meeting_invitations_language" CHECK (("meeting_invitations"."interpretation" = 'spoken') = ("meeting_invitations"."language" is not null) or "meeting_invitations"."interpretation" is null),
	CONSTRAINT "meeting_invitations_used_by" CHECK (num_nonnulls("meeting_invitations"."used_by_person_id", "meeting_invitations"."used_by_staff_id", "meeting_invitations"."guest_name") = case when "meeting_invitations"."used_at" is null then 0 else 1 end),
	CONSTRAINT "meeting_invitations_guest_session" CHECK ("meeting_invitations"."guest_session_hash" is null or "meeting_invitations"."guest_name" is not null)
);
--> statement-breakpoint
ALTER TABLE "notification_outbox" ALTER COLUMN "recipient_person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_created_by_staff_id_staff_id_fk" FOREIGN KEY ("created_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_revoked_by_staff_id_staff_id_fk" FOREIGN KEY ("revoked_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_used_by_person_id_persons_id_fk" FOREIGN KEY ("used_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_used_by_staff_id_staff_id_fk" FOREIGN KEY ("used_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_participant_id_meeting_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."meeting_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_id_checked_by_staff_id_staff_id_fk" FOREIGN KEY ("id_checked_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_invitations_meeting" ON "meeting_invitations" USING btree ("meeting_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_invitations_participant" ON "meeting_invitations" USING btree ("participant_id") WHERE "meeting_invitations"."participant_id" is not null;--> statement-breakpoint
CREATE INDEX "meeting_invitations_person" ON "meeting_invitations" USING btree ("meeting_id","used_by_person_id") WHERE "meeting_invitations"."used_by_person_id" is not null;--> statement-breakpoint
CREATE INDEX "meeting_invitations_staff" ON "meeting_invitations" USING btree ("meeting_id","used_by_staff_id") WHERE "meeting_invitations"."used_by_staff_id" is not null;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_recipient_check" CHECK ("notification_outbox"."recipient_person_id" is not null or "notification_outbox"."template" = 'meeting_invitation');