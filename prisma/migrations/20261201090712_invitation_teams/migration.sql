-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "name" TEXT,
ADD COLUMN     "teamIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

