import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Registers this part's routes (each resource under its own prefix), jobs and registry entries. */
export const ratingsModule: FastifyPluginAsyncZod = async function ratingsModule(_app) {};
