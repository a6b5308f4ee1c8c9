import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A password's argon2id hash (PHC string: algorithm, parameters and salt inside). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so a wrong email takes as long as a wrong password. */
let dummy: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummy ??= hashPassword("not a real password, only for timing");
  return dummy;
}

/** The rules a new password must meet, as sentences; empty when it is fine. */
export function checkPasswordStrength(password: string): string | undefined {
  if (password.length < 12) return "Enter a password of at least 12 characters.";
  if (password.length > 256) return "Enter a password of 256 characters or fewer.";
  return undefined;
}
