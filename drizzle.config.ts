import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -- --name <what>` writes a reviewed SQL migration to db/migrations.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/**/tables.ts', './src/features/**/tables.ts'],
  out: './db/migrations',
});
