import { defineConfig } from 'drizzle-kit';

// Migrations are generated from drizzle/schema.ts and committed; the server applies them at start.
export default defineConfig({
  dialect: 'sqlite',
  schema: './drizzle/schema.ts',
  out: './drizzle/migrations',
});
