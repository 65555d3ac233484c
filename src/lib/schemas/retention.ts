import { z } from "./zod";
import { RETENTION_LIMITS, type RetentionPolicy } from "@/lib/domain/retention";

const days = (key: keyof RetentionPolicy) => {
  const { min, max } = RETENTION_LIMITS[key];
  const message = `Enter a whole number of days from ${min} to ${max}.`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
};

/** The retention form (settings → privacy): three periods in days. */
export const RetentionPolicyInput = z.object({
  observerDays: days("observerDays"),
  noteDays: days("noteDays"),
  auditDays: days("auditDays"),
});
