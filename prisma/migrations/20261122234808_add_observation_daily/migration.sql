-- AlterTable
ALTER TABLE "Observation" ADD COLUMN     "undoTokenHash" TEXT;

-- CreateTable
CREATE TABLE "ObservationDaily" (
    "organizationId" TEXT NOT NULL,
    "behaviourId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "performed" INTEGER NOT NULL DEFAULT 0,
    "missed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ObservationDaily_pkey" PRIMARY KEY ("organizationId","behaviourId","teamId","day")
);

-- CreateIndex
CREATE INDEX "ObservationDaily_organizationId_teamId_day_idx" ON "ObservationDaily"("organizationId", "teamId", "day");

-- CreateIndex
CREATE INDEX "ObservationDaily_organizationId_day_idx" ON "ObservationDaily"("organizationId", "day");

-- AddForeignKey
ALTER TABLE "ObservationDaily" ADD CONSTRAINT "ObservationDaily_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObservationDaily" ADD CONSTRAINT "ObservationDaily_behaviourId_fkey" FOREIGN KEY ("behaviourId") REFERENCES "Behaviour"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObservationDaily" ADD CONSTRAINT "ObservationDaily_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand (Prisma does not model triggers): keep ObservationDaily equal to the sums of
-- Observation per organisation, behaviour, team and UTC day, in the same transaction as every
-- insert, update and delete, whichever code path writes. See docs/decisions/005.
CREATE FUNCTION "conduct_observation_daily"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "ObservationDaily"
       SET "performed" = "performed" - OLD."performed", "missed" = "missed" - OLD."missed"
     WHERE "organizationId" = OLD."organizationId" AND "behaviourId" = OLD."behaviourId"
       AND "teamId" = OLD."teamId" AND "day" = OLD."occurredAt"::date;
    DELETE FROM "ObservationDaily"
     WHERE "organizationId" = OLD."organizationId" AND "behaviourId" = OLD."behaviourId"
       AND "teamId" = OLD."teamId" AND "day" = OLD."occurredAt"::date
       AND "performed" = 0 AND "missed" = 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "ObservationDaily" ("organizationId", "behaviourId", "teamId", "day", "performed", "missed")
    VALUES (NEW."organizationId", NEW."behaviourId", NEW."teamId", NEW."occurredAt"::date, NEW."performed", NEW."missed")
    ON CONFLICT ("organizationId", "behaviourId", "teamId", "day") DO UPDATE
      SET "performed" = "ObservationDaily"."performed" + EXCLUDED."performed",
          "missed" = "ObservationDaily"."missed" + EXCLUDED."missed";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "observation_daily"
AFTER INSERT OR UPDATE OR DELETE ON "Observation"
FOR EACH ROW EXECUTE FUNCTION "conduct_observation_daily"();

-- Observations that existed before this migration.
INSERT INTO "ObservationDaily" ("organizationId", "behaviourId", "teamId", "day", "performed", "missed")
SELECT "organizationId", "behaviourId", "teamId", "occurredAt"::date, SUM("performed"), SUM("missed")
  FROM "Observation" GROUP BY 1, 2, 3, 4;
