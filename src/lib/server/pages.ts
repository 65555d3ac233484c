import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "./errors";

/** Loads a record for a page; a missing or foreign one renders the 404 page, with none of its data. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}
