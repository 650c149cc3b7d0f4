import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Registers this part's routes (each resource under its own prefix), jobs and registry entries. */
export const catalogueModule: FastifyPluginAsyncZod = async function catalogueModule(_app) {};
