-- AlterTable
ALTER TABLE "Intervention" ADD COLUMN     "techniques" TEXT[] DEFAULT ARRAY[]::TEXT[];

