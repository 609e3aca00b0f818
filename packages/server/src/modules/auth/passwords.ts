import { hash, verify } from '@node-rs/argon2';
import { AppError, passwordProblem } from '@paicha/core';

// argon2id (algorithm 2) with the library's memory/time defaults (19 MiB, t=2), the OWASP baseline.
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** The shared policy (@paicha/core), enforced wherever a password is set: API, CLI and seed. */
export function assertPasswordPolicy(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('validation_failed', problem, { field: 'password' });
}
