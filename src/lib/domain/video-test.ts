// The automatic video test: could an outsider watching a video confirm that this behaviour
// happened? Pure and deterministic; the editor runs it on every keystroke and the server runs it
// again before a behaviour can be submitted for review. The analysis (video-test/) tokenises each
// part with quoted spans taken out, applies phrase rules kept as data, and checks the shape of the
// main verb, the actor and the completion criterion. An organisation's own terms are checked too.
import type { VideoTestText } from "./behaviour";
import { analyse, compileTerms, type CompiledTerms } from "./video-test/analyse";
import type { VideoTestResult, VideoTestTermText } from "./video-test/types";

export type { CheckedField, Finding, FindingKind, VideoTestResult, VideoTestTermText } from "./video-test/types";
export { compileTerms, type CompiledTerms };

/** Runs the test; `terms` are the organisation's own vague words (plain, or compiled once with compileTerms). */
export function videoTest(text: VideoTestText, terms?: readonly VideoTestTermText[] | CompiledTerms): VideoTestResult {
  const compiled = terms === undefined ? undefined : "terms" in terms ? terms : compileTerms(terms);
  return analyse(text, compiled);
}

/** The form two terms share when they differ only in case, hyphens or spacing ("Customer-obsessed" = "customer obsessed"). */
export const termKey = (term: string) => term.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** The longest term and suggestion an organisation may add to its video test (/settings/video-test). */
export const TERM_MAX = 60;
export const TERM_SUGGESTION_MAX = 300;
