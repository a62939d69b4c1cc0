ALTER TABLE "unit_case_types" DROP CONSTRAINT "unit_case_types_terms_version_id_terms_versions_id_fk";
--> statement-breakpoint
CREATE UNIQUE INDEX "unit_case_types_unit_name" ON "unit_case_types" USING btree ("unit_id",lower(btrim("name")));--> statement-breakpoint
ALTER TABLE "unit_case_types" DROP COLUMN "terms_version_id";