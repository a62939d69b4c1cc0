-- Per visit type: how many upcoming booked times one patient may hold when booking online
-- ("högst en bokad tid per patient"); null = no limit. Staff booking is not limited.
ALTER TABLE "visit_types" ADD COLUMN "max_upcoming_per_patient" integer;--> statement-breakpoint
ALTER TABLE "visit_types" ADD CONSTRAINT "visit_types_max_upcoming_per_patient" CHECK ("visit_types"."max_upcoming_per_patient" is null or "visit_types"."max_upcoming_per_patient" between 1 and 20);
