/** How long sessions last and how sign-in failures lock an account. */
export const SESSION_POLICY = {
  /** A session unused for this long ends. */
  idleMs: 30 * 60 * 1000,
  /** A session ends this long after sign-in, however much it is used. */
  absoluteMs: 12 * 60 * 60 * 1000,
  /** Idle expiry is pushed on at most this often (saves a write per request). */
  touchEveryMs: 60 * 1000,
  /** Failed sign-ins in a row that lock the account... */
  maxFailures: 5,
  /** ...for this long. */
  lockMs: 15 * 60 * 1000,
  /** Sign-in attempts per address per window. */
  attemptsPerAddress: 20,
  attemptWindowMs: 60 * 1000,
  /** An invitation link lasts this long. */
  inviteMs: 7 * 24 * 60 * 60 * 1000,
} as const;

export const SESSION_COOKIE = "steward_session";
export const CSRF_COOKIE = "steward_csrf";
export const CSRF_HEADER = "x-csrf-token";
