// The token API's OpenAPI 3.1 document, generated from the zod schemas the handlers parse with.
// Public: it describes the API, and holds nothing of any organisation.
import { openApiDocument } from "@/lib/server/api/openapi";

export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument());
}
