import { z } from "./zod";
import { RETENTION_LIMITS, type RetentionPolicy } from "@/lib/domain/retention";
import { MIN_GROUP_SIZE_LIMITS } from "@/lib/domain/group-size";

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

const groupSizeMessage = `Enter a whole number of people from ${MIN_GROUP_SIZE_LIMITS.min} to ${MIN_GROUP_SIZE_LIMITS.max}.`;

/** The minimum group size form (settings → privacy, docs/decisions/039). */
export const MinGroupSizeInput = z.object({
  minGroupSize: z.coerce
    .number({ error: groupSizeMessage })
    .int(groupSizeMessage)
    .min(MIN_GROUP_SIZE_LIMITS.min, groupSizeMessage)
    .max(MIN_GROUP_SIZE_LIMITS.max, groupSizeMessage),
});
