-- AlterTable
ALTER TABLE "Survey" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "deidentifiedAt" TIMESTAMP(3);


-- Surveys closed by hand before this column existed count as closed now: their week of grace starts today.
UPDATE "Survey" SET "closedAt" = CURRENT_TIMESTAMP WHERE "status" = 'CLOSED';
