-- CreateTable
CREATE TABLE "AddressThrottle" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AddressThrottle_pkey" PRIMARY KEY ("key")
);

