-- AlterTable
ALTER TABLE "Survey" ADD COLUMN     "closesOn" DATE;

