-- Written by hand (the schema is unchanged; Prisma does not model triggers). The daily summary's day
-- becomes the organisation's calendar day: "occurredAt" is a UTC timestamp without zone, so it is
-- read as UTC, then seen in the organisation's zone (docs/decisions/021). The zone is looked up in
-- the trigger, so a write path cannot pass a wrong one. A transaction that rebuilds the summary
-- itself (the zone change, docs/decisions/021) sets conduct.daily_summary = 'off' locally. That
-- change holds the organisation's "observation.rezone" advisory lock exclusively (after its row
-- lock); each row here takes it shared first (shared locks never wait for each other), so a write
-- that races the change waits for it and then buckets in the new zone, never in a summary the
-- change has just rebuilt without it.
CREATE OR REPLACE FUNCTION "conduct_observation_daily"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zone text;
  bucket date;
BEGIN
  IF current_setting('conduct.daily_summary', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pg_advisory_xact_lock_shared(hashtextextended('observation.rezone:' || OLD."organizationId", 0));
    SELECT o."timeZone" INTO zone FROM "Organization" o WHERE o."id" = OLD."organizationId";
    -- No organisation: it is being deleted, and its summary rows go with it by cascade.
    IF zone IS NOT NULL THEN
      bucket := ((OLD."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE zone)::date;
      UPDATE "ObservationDaily"
         SET "performed" = "performed" - OLD."performed", "missed" = "missed" - OLD."missed"
       WHERE "organizationId" = OLD."organizationId" AND "behaviourId" = OLD."behaviourId"
         AND "teamId" = OLD."teamId" AND "day" = bucket;
      DELETE FROM "ObservationDaily"
       WHERE "organizationId" = OLD."organizationId" AND "behaviourId" = OLD."behaviourId"
         AND "teamId" = OLD."teamId" AND "day" = bucket
         AND "performed" = 0 AND "missed" = 0;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF TG_OP = 'INSERT' OR zone IS NULL OR NEW."organizationId" <> OLD."organizationId" THEN
      PERFORM pg_advisory_xact_lock_shared(hashtextextended('observation.rezone:' || NEW."organizationId", 0));
      SELECT o."timeZone" INTO zone FROM "Organization" o WHERE o."id" = NEW."organizationId";
    END IF;
    INSERT INTO "ObservationDaily" ("organizationId", "behaviourId", "teamId", "day", "performed", "missed")
    VALUES (NEW."organizationId", NEW."behaviourId", NEW."teamId",
            ((NEW."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE COALESCE(zone, 'UTC'))::date,
            NEW."performed", NEW."missed")
    ON CONFLICT ("organizationId", "behaviourId", "teamId", "day") DO UPDATE
      SET "performed" = "ObservationDaily"."performed" + EXCLUDED."performed",
          "missed" = "ObservationDaily"."missed" + EXCLUDED."missed";
  END IF;
  RETURN NULL;
END
$$;
