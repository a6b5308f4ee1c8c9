export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { createContextInner, type Context, type ContextOptions, type CookieOptions, type RequestInfo } from "./trpc.ts";
export { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, SESSION_POLICY } from "./auth/session-policy.ts";
export { DatabaseRateLimiter, RateLimiter, takeAddressAttempt } from "./auth/rate-limiter.ts";
export {
  finishOidcSignIn,
  OIDC_BROWSER_COOKIE,
  OIDC_CALLBACK_PATH,
  OIDC_STATE_MS,
  startOidcSignIn,
  type OidcLog,
  type OidcProblem,
  type ReadSecret,
} from "./auth/oidc.ts";
export {
  changeSignInSettings,
  linkOidcSubject,
  readSignInSettings,
  type OidcProviderSetting,
  type SignInChange,
  type SignInSettings,
} from "./services/sign-in-settings.ts";

export * from "./services/provision.ts";
export {
  CATCH_UP_DAYS,
  catchUpDailyChecks,
  DAILY_CHECK_ACTOR,
  listDaysToCheck,
  runDailyCheck,
  type DailyCheckMove,
  type DailyCheckSummary,
} from "./services/daily-check.ts";
export { closePolicyWorker, configurePolicyWorker } from "./services/worker/pool.ts";
export { readCensusFile, readGiasFile, readLinksFile, RegisterFileError } from "./services/school-register.ts";
export { seedDemo, DEMO_PASSWORD, type DemoReport } from "./demo/seed.ts";
export { demoTenantSlugs } from "./demo/manifest.ts";
export { sampleFromSchema } from "./demo/sample-data.ts";
export {
  metricsRegistry,
  recordHttpRequest,
  recordJobRun,
  renderMetrics,
  setOutboxDepthReader,
} from "./services/metrics.ts";
export {
  countOutbox,
  deliverDueMessages,
  sendDailyDigests,
  type DeliveryOptions,
  type DeliveryReport,
} from "./services/notifications/delivery.ts";
export {
  createMailTransport,
  type MailTransport,
  type MailTransportConfig,
  type OutgoingMail,
} from "./services/notifications/transports.ts";
