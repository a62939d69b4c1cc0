CREATE TABLE "chat_hours" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"hours" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_staff_id" uuid
);
--> statement-breakpoint
CREATE TABLE "chat_messages" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "chat_messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"chat_id" uuid NOT NULL,
	"author_person_id" uuid,
	"author_staff_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chat_messages_one_author" CHECK (("chat_messages"."author_person_id" is null) <> ("chat_messages"."author_staff_id" is null))
);
--> statement-breakpoint
CREATE TABLE "chat_participants" (
	"chat_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	CONSTRAINT "chat_participants_chat_id_staff_id_pk" PRIMARY KEY("chat_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "chat_read_positions" (
	"chat_id" uuid NOT NULL,
	"reader_kind" text NOT NULL,
	"reader_id" uuid NOT NULL,
	"last_read_seq" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chat_read_positions_chat_id_reader_kind_reader_id_pk" PRIMARY KEY("chat_id","reader_kind","reader_id"),
	CONSTRAINT "chat_read_positions_kind" CHECK ("chat_read_positions"."reader_kind" in ('person', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "chats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"started_by_person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"priority" integer,
	"status" text NOT NULL,
	"assigned_staff_id" uuid,
	"queued_at" timestamp with time zone NOT NULL,
	"taken_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"summary" text,
	"case_id" uuid,
	"notified_through_seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "chats_status" CHECK ("chats"."status" in ('queued', 'active', 'ended', 'left')),
	CONSTRAINT "chats_priority" CHECK ("chats"."priority" is null or "chats"."priority" between 0 and 4)
);
--> statement-breakpoint
ALTER TABLE "chat_hours" ADD CONSTRAINT "chat_hours_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_hours" ADD CONSTRAINT "chat_hours_updated_by_staff_id_staff_id_fk" FOREIGN KEY ("updated_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_chat_id_chats_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_author_person_id_persons_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_author_staff_id_staff_id_fk" FOREIGN KEY ("author_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_participants" ADD CONSTRAINT "chat_participants_chat_id_chats_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_participants" ADD CONSTRAINT "chat_participants_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_read_positions" ADD CONSTRAINT "chat_read_positions_chat_id_chats_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chats" ADD CONSTRAINT "chats_unit_id_care_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."care_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chats" ADD CONSTRAINT "chats_patient_id_persons_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chats" ADD CONSTRAINT "chats_started_by_person_id_persons_id_fk" FOREIGN KEY ("started_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chats" ADD CONSTRAINT "chats_assigned_staff_id_staff_id_fk" FOREIGN KEY ("assigned_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_messages_chat_seq" ON "chat_messages" USING btree ("chat_id","seq");--> statement-breakpoint
CREATE INDEX "chat_participants_staff" ON "chat_participants" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "chats_unit_status" ON "chats" USING btree ("unit_id","status","queued_at");--> statement-breakpoint
CREATE INDEX "chats_patient" ON "chats" USING btree ("patient_id","status");--> statement-breakpoint
CREATE INDEX "chats_unit_ended" ON "chats" USING btree ("unit_id","ended_at");--> statement-breakpoint
CREATE UNIQUE INDEX "chats_one_live_per_patient_unit" ON "chats" USING btree ("patient_id","unit_id") WHERE "chats"."status" in ('queued', 'active');