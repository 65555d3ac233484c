-- AlterTable
ALTER TABLE "Barrier" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Metric" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

