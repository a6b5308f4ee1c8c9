import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { NotifyClient } from "notifications-node-client";

/** One email as a transport sends it. */
export interface OutgoingMail {
  /** The message's id: the outbox file's name and the provider's reference. */
  id: string;
  /** The tenant's slug: the outbox's folder. */
  tenantSlug: string;
  to: string;
  subject: string;
  text: string;
}

/** Sends emails; throws when one cannot be sent (the delivery loop retries it). */
export interface MailTransport {
  readonly kind: MailTransportConfig["transport"];
  send(mail: OutgoingMail): Promise<{ providerId: string | null }>;
  close(): void;
}

/** How Steward sends mail (STEWARD_MAIL_TRANSPORT and its settings; see docs/operations.md). */
export type MailTransportConfig =
  | { transport: "outbox"; dataDir: string }
  | { transport: "smtp"; url: string }
  | { transport: "notify"; apiKey: string; templateId: string };

/**
 * The transport the configuration names, sending from `from`:
 * - `outbox` (the default on the embedded database): each message written as an .eml file under
 *   `<dataDir>/outbox/<tenant-slug>/`, for a new user or a demo to see what would be sent;
 * - `smtp`: nodemailer to an SMTP server (`smtp://user:pass@host:587`, `smtps://...`);
 * - `notify`: GOV.UK Notify, one email template whose personalisation fields are `subject` and `body`.
 */
export function createMailTransport(config: MailTransportConfig, from: string): MailTransport {
  switch (config.transport) {
    case "outbox": {
      const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
      return {
        kind: "outbox",
        async send(mail) {
          const info = await composer.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
          const folder = path.join(config.dataDir, "outbox", path.basename(mail.tenantSlug));
          await mkdir(folder, { recursive: true });
          // Named by the message's id: a retry rewrites the same file, never a second one.
          await writeFile(path.join(folder, `${mail.id}.eml`), info.message as Buffer);
          return { providerId: null };
        },
        close: () => composer.close(),
      };
    }
    case "smtp": {
      const smtp = nodemailer.createTransport(config.url);
      return {
        kind: "smtp",
        async send(mail) {
          const info = await smtp.sendMail({
            from,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            messageId: `<${mail.id}@steward>`,
          });
          return { providerId: info.messageId ?? null };
        },
        close: () => smtp.close(),
      };
    }
    case "notify": {
      const client = new NotifyClient(config.apiKey);
      return {
        kind: "notify",
        async send(mail) {
          const response = await client.sendEmail(config.templateId, mail.to, {
            personalisation: { subject: mail.subject, body: mail.text },
            reference: mail.id,
          });
          return { providerId: response.data.id };
        },
        close: () => {},
      };
    }
  }
}
