import { registerHooks } from 'node:module';

/**
 * The entry point. Before anything is loaded, every import of drizzle-orm is sent to its
 * CommonJS build. Its ES-module build is 500 files, and for each one Node re-reads
 * drizzle-orm's 180 kB package.json (its exports map) to learn the module format: 550 ms
 * of a 1.8 s cold start. The CommonJS build uses .cjs files and loads in under 100 ms.
 * All imports in the process go the same way, so there is one copy of drizzle's classes.
 */
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/')) {
      return nextResolve(specifier, { ...context, conditions: ['require', 'node', 'default'] });
    }
    return nextResolve(specifier, context);
  },
});

await import('./serve.ts');
