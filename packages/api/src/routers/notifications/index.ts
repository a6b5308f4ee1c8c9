import { createTRPCRouter } from "../../trpc.ts";
import { listOutbox } from "./list-outbox.ts";
import { getNotificationSettings, setNotificationSettings } from "./notification-settings.ts";

export const notificationsRouter = createTRPCRouter({
  outbox: listOutbox,
  settings: getNotificationSettings,
  setSettings: setNotificationSettings,
});
