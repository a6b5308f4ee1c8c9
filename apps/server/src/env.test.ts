import { describe, expect, it } from "vitest";

import { readDemo, readEnv, readLogging, readMail, readMetricsToken, readTrustProxy, readWorkers } from "./env.ts";

describe("STEWARD_TRUST_PROXY", () => {
  it("trusts no proxy when unset, empty or 0", () => {
    for (const value of [undefined, "", "0"]) expect(readTrustProxy(value)).toBe(false);
    expect(readEnv({}).trustProxy).toBe(false);
  });

  it("takes a hop count", () => {
    expect(readTrustProxy("1")).toBe(1);
    expect(readTrustProxy(" 2 ")).toBe(2);
    expect(() => readTrustProxy("99")).toThrow(/1 to 10/);
  });

  it("takes a comma-separated list of addresses and CIDR ranges", () => {
    expect(readTrustProxy("10.0.0.5, 192.168.0.0/24,::1,fd00::/8,loopback")).toEqual([
      "10.0.0.5",
      "192.168.0.0/24",
      "::1",
      "fd00::/8",
      "loopback",
    ]);
  });

  it.each(["true", "TRUE", "*", "yes"])(
    "refuses %s: trusting every proxy lets any client claim any address",
    (value) => {
      expect(() => readTrustProxy(value)).toThrow(/Trusting every proxy/);
    },
  );

  it.each(["10.0.0.300", "10.0.0.0/33", "proxy.example.org", "10.0.0.1/8/2", "-1", "1.5"])(
    "refuses %s, saying what it takes",
    (value) => {
      expect(() => readTrustProxy(value)).toThrow(/number of proxies .* or a comma-separated list/);
    },
  );
});

describe("STEWARD_DEMO", () => {
  it("loads the demo by default only on the embedded database", () => {
    expect(readEnv({}).demo).toBe(true);
    expect(readEnv({ DATABASE_URL: "postgres://steward@db.example/steward" }).demo).toBe(false);
  });

  it("loads it on PostgreSQL only when asked, and never with 0", () => {
    expect(readDemo("1", "postgres://db/steward")).toBe(true);
    expect(readDemo("0", undefined)).toBe(false);
    expect(readDemo("0", "postgres://db/steward")).toBe(false);
  });

  it("refuses anything else", () => {
    expect(() => readDemo("yes", undefined)).toThrow(/must be 1 .* or 0/);
  });
});

describe("WORKERS", () => {
  const postgres = "postgres://postgres@127.0.0.1:5432/steward";

  it("is one process unless set, and auto is one per core", () => {
    expect(readWorkers(undefined, undefined)).toBe(1);
    expect(readWorkers("", postgres)).toBe(1);
    expect(readWorkers("3", postgres)).toBe(3);
    expect(readWorkers("auto", postgres, 4)).toBe(4);
  });

  it("refuses several processes on the embedded database, and anything that is not a count", () => {
    expect(() => readWorkers("2", undefined)).toThrow(/needs PostgreSQL \(DATABASE_URL\)/);
    expect(readWorkers("auto", undefined, 1)).toBe(1);
    for (const value of ["0", "two", "1.5", "65"])
      expect(() => readWorkers(value, postgres)).toThrow(/WORKERS must be/);
  });
});

describe("LOG_LEVEL and LOG_PRETTY", () => {
  it("log JSON lines at info unless told otherwise", () => {
    expect(readEnv({}).logging).toEqual({ level: "info", pretty: false });
    expect(readLogging("DEBUG", "1")).toEqual({ level: "debug", pretty: true });
    expect(readLogging("silent", "0")).toEqual({ level: "silent", pretty: false });
  });

  it("refuse a level pino does not have, and a flag that is not 0 or 1", () => {
    expect(() => readLogging("verbose", undefined)).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info/);
    expect(() => readLogging(undefined, "yes")).toThrow(/LOG_PRETTY must be 1/);
  });
});

describe("STEWARD_METRICS_TOKEN", () => {
  it("is none when unset (/metrics is not served), and the token when long enough", () => {
    expect(readEnv({}).metricsToken).toBeUndefined();
    expect(readMetricsToken(" 0123456789abcdef0123 ")).toBe("0123456789abcdef0123");
  });

  it("refuses a short token or one with spaces", () => {
    expect(() => readMetricsToken("secret")).toThrow(/at least 16 characters/);
    expect(() => readMetricsToken("0123456789 abcdef0123")).toThrow(/without spaces/);
  });
});

describe("STEWARD_MAIL_TRANSPORT", () => {
  it("writes to the outbox in the data folder unless told otherwise", () => {
    expect(readMail({}, "/data")).toEqual({ transport: "outbox", dataDir: "/data" });
  });

  it("takes an SMTP server's URL, and refuses smtp without one", () => {
    expect(readMail({ STEWARD_MAIL_TRANSPORT: "smtp", STEWARD_SMTP_URL: "smtp://mail:25" }, "/d")).toEqual({
      transport: "smtp",
      url: "smtp://mail:25",
    });
    expect(() => readMail({ STEWARD_MAIL_TRANSPORT: "smtp" }, "/d")).toThrow(/needs STEWARD_SMTP_URL/);
  });

  it("needs GOV.UK Notify's key and template, and names an unknown transport", () => {
    expect(() => readMail({ STEWARD_MAIL_TRANSPORT: "notify", STEWARD_NOTIFY_API_KEY: "k" }, "/d")).toThrow(
      /STEWARD_NOTIFY_TEMPLATE_ID/,
    );
    expect(() => readMail({ STEWARD_MAIL_TRANSPORT: "sendmail" }, "/d")).toThrow(/must be outbox .* smtp or notify/);
  });

  it("links emails to STEWARD_PUBLIC_URL, or to this machine's port", () => {
    expect(readEnv({ PORT: "4000" }).publicUrl).toBe("http://localhost:4000");
    expect(readEnv({ STEWARD_PUBLIC_URL: "https://steward.example.gov.uk/" }).publicUrl).toBe(
      "https://steward.example.gov.uk",
    );
  });
});
