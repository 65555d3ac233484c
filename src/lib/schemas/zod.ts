// The one way schemas get zod. zod compiles object parsers with `new Function` unless told not to;
// in the browser that probe is a Content-Security-Policy violation (scripts may not eval), so it is
// switched off here, before any schema is built.
import { z } from "zod";

z.config({ jitless: true });

export { z };
