DROP INDEX "appointments_resource_time";--> statement-breakpoint
-- Free slots read a resource's live bookings over weeks; with ends_at carried in the index
-- PostgreSQL answers from the index alone (an index-only scan).
CREATE INDEX "appointments_live_by_resource" ON "appointments" USING btree ("resource_id","starts_at") INCLUDE ("ends_at") WHERE "appointments"."status" in ('booked', 'arrived', 'no_show');
