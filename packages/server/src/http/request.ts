import type { Actor } from '../kernel/context.js';

// Every request carries its signed-in actor (null when signed out), set by modules/auth's
// authenticate hook; the gate, access checks and handlers read it.
declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}
