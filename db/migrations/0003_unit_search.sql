-- Unit search: Swedish full-text (stemming: "vårdcentralen" finds "vårdcentral") plus
-- trigram similarity (typos: "ekbi" finds "ekby"). Both over unit_profiles.search_text.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
ALTER TABLE "unit_profiles" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('swedish', "search_text")) STORED;
--> statement-breakpoint
CREATE INDEX "unit_profiles_search_vector" ON "unit_profiles" USING gin ("search_vector");
--> statement-breakpoint
CREATE INDEX "unit_profiles_search_trgm" ON "unit_profiles" USING gin ("search_text" gin_trgm_ops);
