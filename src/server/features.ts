import type { FastifyPluginAsync } from 'fastify';

/** Every feature's routes, registered in this order. A new feature adds itself here. */
export const features: FastifyPluginAsync[] = [];
