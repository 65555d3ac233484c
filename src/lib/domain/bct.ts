// The Behaviour Change Technique Taxonomy v1 (BCTTv1): 93 techniques in 16 groups, with the
// taxonomy's own numbering. Source: Michie S, Richardson M, Johnston M, Abraham C, Francis J,
// Hardeman W, Eccles MP, Cane J, Wood CE. "The behavior change technique taxonomy (v1) of 93
// hierarchically clustered techniques: building an international consensus for the reporting of
// behavior change interventions." Ann Behav Med. 2013;46(1):81–95. doi:10.1007/s12160-013-9486-6
//
// The labels are the paper's, except that the original is written in American English ("behavior",
// "behavioral"); we spell them "behaviour" / "behavioural" as the rest of the UI does. The paper
// itself already writes "Generalisation". The definitions are our own one-sentence paraphrases, not the
// paper's wording; read the paper (and its online supplement) for the full definitions and examples.
// Pure: no next, react or prisma.
import type { InterventionFunction } from "./interventions";

export const BCT_GROUP_LABELS = [
  "Goals and planning",
  "Feedback and monitoring",
  "Social support",
  "Shaping knowledge",
  "Natural consequences",
  "Comparison of behaviour",
  "Associations",
  "Repetition and substitution",
  "Comparison of outcomes",
  "Reward and threat",
  "Regulation",
  "Antecedents",
  "Identity",
  "Scheduled consequences",
  "Self-belief",
  "Covert learning",
] as const;

export type Bct = {
  /** The taxonomy's number, "group.position", e.g. "1.1" or "16.3". */
  readonly id: string;
  /** 1..16, the number of its group. */
  readonly group: number;
  readonly label: string;
  readonly definition: string;
};

export type BctGroup = { readonly number: number; readonly label: string; readonly techniques: readonly Bct[] };

// One technique per line, "id | label | definition", in taxonomy order, a blank line between groups;
// the group is read from the id. Kept as a text table so that each technique reads on one line.
const TABLE = `
1.1 | Goal setting (behaviour) | Agree a goal stated as the behaviour to be done.
1.2 | Problem solving | Work out what helps or hinders the behaviour and choose ways to overcome the obstacles or strengthen the helps.
1.3 | Goal setting (outcome) | Agree a goal stated as a result that the behaviour should bring about.
1.4 | Action planning | Plan in detail when, where, how often or how the behaviour will be done.
1.5 | Review behaviour goal(s) | Go over a behaviour goal with the person in the light of what was done, and keep, adjust or replace it.
1.6 | Discrepancy between current behaviour and goal | Point out the gap between what the person does now and the behaviour goal they set.
1.7 | Review outcome goal(s) | Go over an outcome goal with the person in the light of what was achieved, and keep, adjust or replace it.
1.8 | Behavioural contract | Write the behaviour down in an agreement that the person signs and someone else witnesses.
1.9 | Commitment | Ask the person to state, or restate, a firm pledge that they will do the behaviour.

2.1 | Monitoring of behaviour by others without feedback | Someone watches or records the person's behaviour, with their knowledge, but tells them nothing about it.
2.2 | Feedback on behaviour | Tell the person how their monitored behaviour went, with facts or an appraisal.
2.3 | Self-monitoring of behaviour | Have the person keep track of, and record, their own behaviour.
2.4 | Self-monitoring of outcome(s) of behaviour | Have the person keep track of, and record, a result of their own behaviour.
2.5 | Monitoring of outcome(s) of behaviour without feedback | Someone watches or records a result of the person's behaviour, with their knowledge, without feeding it back.
2.6 | Biofeedback | Feed back what an external device measures of the person's body, such as heart rate or blood pressure.
2.7 | Feedback on outcome(s) of behaviour | Tell the person how the monitored results of their behaviour turned out, with facts or an appraisal.

3.1 | Social support (unspecified) | Arrange, suggest or give general support from others (friends, colleagues, staff) for doing the behaviour, including encouragement.
3.2 | Social support (practical) | Arrange, suggest or give practical help from others in doing the behaviour.
3.3 | Social support (emotional) | Arrange, suggest or give emotional support from others for doing the behaviour.

4.1 | Instruction on how to perform the behaviour | Tell or teach the person how to do the behaviour.
4.2 | Information about antecedents | Tell the person which situations, events or feelings reliably come before the behaviour.
4.3 | Re-attribution | Draw out what the person believes causes the behaviour and offer other possible explanations for it.
4.4 | Behavioural experiments | Help the person test a belief about the behaviour by collecting and weighing evidence.

5.1 | Information about health consequences | Tell or show the person what doing the behaviour does to health.
5.2 | Salience of consequences | Make the consequences of the behaviour more vivid and memorable, beyond simply informing about them.
5.3 | Information about social and environmental consequences | Tell or show the person what doing the behaviour does to other people and to the environment.
5.4 | Monitoring of emotional consequences | Prompt the person to notice how they feel after doing the behaviour.
5.5 | Anticipated regret | Lead the person to imagine how much they would regret doing, or not doing, the behaviour.
5.6 | Information about emotional consequences | Tell or show the person how doing the behaviour affects feelings.

6.1 | Demonstration of the behaviour | Show, in person or through pictures or video, how the behaviour is done, for the person to copy.
6.2 | Social comparison | Draw attention to how others perform, so the person can compare it with their own performance.
6.3 | Information about others' approval | Tell the person whether others approve or disapprove of the behaviour.

7.1 | Prompts/cues | Set up a physical or social signal that prompts the behaviour, usually at the time or place it should happen.
7.2 | Cue signalling reward | Point out a signal in the surroundings that reliably announces that doing the behaviour will be rewarded.
7.3 | Reduce prompts/cues | Fade out, step by step, the prompts used to trigger the behaviour.
7.4 | Remove access to the reward | Separate the person from situations where an unwanted behaviour would be rewarded, to reduce it (as in time-out).
7.5 | Remove aversive stimulus | Take away something unpleasant so that the change in behaviour becomes easier (as in escape learning).
7.6 | Satiation | Expose the person repeatedly to a stimulus until their urge for the unwanted behaviour weakens or fades.
7.7 | Exposure | Bring the person into planned contact with something they fear, so that they react less to it next time.
7.8 | Associative learning | Pair a neutral stimulus repeatedly with one that already triggers the behaviour, until the neutral one triggers it alone.

8.1 | Behavioural practice/rehearsal | Have the person practise the behaviour, at times or places where it is not needed, to build skill and habit.
8.2 | Behaviour substitution | Encourage the person to replace an unwanted behaviour with a wanted or neutral one.
8.3 | Habit formation | Have the person repeat the behaviour in the same situation until the situation itself sets it off.
8.4 | Habit reversal | Have the person rehearse and repeat an alternative behaviour until it displaces an unwanted habit.
8.5 | Overcorrection | After an unwanted behaviour, have the person repeat an effortful corrective behaviour many times, which makes the unwanted one costly.
8.6 | Generalisation of target behaviour | Encourage the person to carry a behaviour they already do in one situation over into other situations.
8.7 | Graded tasks | Start with easy tasks and make them harder step by step, always within reach, until the full behaviour is done.

9.1 | Credible source | Deliver a message for or against the behaviour through someone the person finds believable.
9.2 | Pros and cons | Have the person list and weigh up their reasons for and against changing the behaviour.
9.3 | Comparative imagining of future outcomes | Have the person imagine and compare the future with the behaviour changed and with it unchanged.

10.1 | Material incentive (behaviour) | Announce that money, vouchers or other valued things will be given only if the person makes effort or progress on the behaviour.
10.2 | Material reward (behaviour) | Give money, vouchers or other valued things when, and only when, effort or progress on the behaviour has been made.
10.3 | Non-specific reward | Give a reward of an unstated kind only after effort or progress on the behaviour (positive reinforcement).
10.4 | Social reward | Give praise or another spoken or unspoken sign of approval only after effort or progress on the behaviour.
10.5 | Social incentive | Announce that praise or approval will follow only if the person makes effort or progress on the behaviour.
10.6 | Non-specific incentive | Announce that some reward will follow only if the person makes effort or progress on the behaviour.
10.7 | Self-incentive | Have the person plan to reward themselves later, only if they make effort or progress on the behaviour.
10.8 | Incentive (outcome) | Announce a reward that will follow only if effort or progress is made towards the outcome of the behaviour.
10.9 | Self-reward | Encourage the person to praise or reward themselves only after effort or progress on the behaviour.
10.10 | Reward (outcome) | Give a reward only after effort or progress towards the outcome of the behaviour.
10.11 | Future punishment | Warn that doing an unwanted behaviour will later bring punishment or the loss of a reward.

11.1 | Pharmacological support | Supply medicines that make the change easier, or encourage taking them as prescribed.
11.2 | Reduce negative emotions | Suggest ways to ease negative feelings, such as stress, so that the behaviour becomes easier to do.
11.3 | Conserving mental resources | Suggest ways to lighten the load on memory and attention, so that the change takes less mental effort.
11.4 | Paradoxical instructions | Tell the person to do some form of the unwanted behaviour so as to weaken their wish to do it.

12.1 | Restructuring the physical environment | Change the physical surroundings, or advise on changing them, so the wanted behaviour is easier or the unwanted one harder.
12.2 | Restructuring the social environment | Change the social surroundings, or advise on changing them, so the wanted behaviour is easier or the unwanted one harder.
12.3 | Avoidance/reducing exposure to cues for the behaviour | Suggest how to stay away from the situations, people or things that trigger the behaviour, including by changing routines.
12.4 | Distraction | Suggest or arrange something else to attend to, so that the triggers for an unwanted behaviour are avoided.
12.5 | Adding objects to the environment | Put something new into the surroundings that makes the behaviour easier to do.
12.6 | Body changes | Change the body's structure, functioning or support directly (e.g. strength training, an assistive aid) to make the change easier.

13.1 | Identification of self as role model | Point out to the person that the way they behave can set an example for others.
13.2 | Framing/reframing | Suggest looking at the behaviour from a deliberately new angle (e.g. its purpose) to change how the person thinks or feels about it.
13.3 | Incompatible beliefs | Point out where the person's present or past behaviour clashes with how they see themselves, so the discomfort motivates change.
13.4 | Valued self-identity | Have the person affirm a value or strength they hold dear, e.g. by writing about it, as part of the change (self-affirmation).
13.5 | Identity associated with changed behaviour | Help the person build a new picture of themselves as someone who used to do the unwanted behaviour.

14.1 | Behaviour cost | Take away something the person values whenever, and only when, they do the unwanted behaviour (response cost).
14.2 | Punishment | Make something unpleasant follow the unwanted behaviour each time it happens.
14.3 | Remove reward | Stop the reward that has been following the unwanted behaviour (extinction).
14.4 | Reward approximation | Reward steps towards the target behaviour, then gradually reward only those that come closer to it (shaping).
14.5 | Rewarding completion | Reward the last step of a sequence first, then add the earlier steps one by one before the reward (backward chaining).
14.6 | Situation-specific reward | Reward the behaviour when it happens in one situation but not in another (discrimination training).
14.7 | Reward incompatible behaviour | Reward a response to a situation that cannot be done at the same time as the earlier, unwanted response.
14.8 | Reward alternative behaviour | Reward doing something else in place of the unwanted behaviour.
14.9 | Reduce reward frequency | Make rewards come less often, after longer periods or more repetitions of the behaviour (thinning).
14.10 | Remove punishment | Take away an unpleasant consequence when the wanted behaviour is done (negative reinforcement).

15.1 | Verbal persuasion about capability | Tell the person they are able to do the wanted behaviour, countering their doubts about succeeding.
15.2 | Mental rehearsal of successful performance | Have the person practise picturing themselves doing the behaviour well in the situations where it matters.
15.3 | Focus on past success | Have the person recall or list times when they did the behaviour, or parts of it, successfully.
15.4 | Self-talk | Encourage the person to speak encouragingly to themselves, aloud or silently, before and while doing the behaviour.

16.1 | Imaginary punishment | Have the person picture doing the unwanted behaviour in a real situation, followed by something unpleasant.
16.2 | Imaginary reward | Have the person picture doing the wanted behaviour in a real situation, followed by something pleasant.
16.3 | Vicarious consequences | Have the person watch what happens to others, good or bad, when they do the behaviour.
`;

/** All 93 techniques in taxonomy order. */
export const BCT_TECHNIQUES: readonly Bct[] = TABLE.split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => {
    const cells = line.split("|").map((cell) => cell.trim());
    if (cells.length !== 3) throw new Error(`BCT table: expected "id | label | definition", got: ${line}`);
    const [id = "", label = "", definition = ""] = cells;
    return { id, group: Number(id.split(".")[0]), label, definition };
  });

const BY_ID: ReadonlyMap<string, Bct> = new Map(BCT_TECHNIQUES.map((t) => [t.id, t]));
const ORDER: ReadonlyMap<string, number> = new Map(BCT_TECHNIQUES.map((t, i) => [t.id, i]));

export function isBctId(s: string): boolean {
  return BY_ID.has(s);
}

export function bctById(id: string): Bct | undefined {
  return BY_ID.get(id);
}

/** The 16 groups, numbered 1..16, each with its techniques in taxonomy order. */
export function bctGroups(): readonly BctGroup[] {
  return BCT_GROUP_LABELS.map((label, i) => ({
    number: i + 1,
    label,
    techniques: BCT_TECHNIQUES.filter((t) => t.group === i + 1),
  }));
}

// The techniques most frequently used to serve each intervention function, after the Behaviour
// Change Wheel guide (Michie S, Atkins L, West R. "The Behaviour Change Wheel: a guide to designing
// interventions." Silverback Publishing, 2014; the table of BCTs most frequently used per intervention
// function). It is the guide's "commonly used" list, a place to start, not an exclusive rule: any
// technique may serve a function if the design calls for it. The guide links no BCTTv1 technique to
// restriction, since the taxonomy's techniques act on how people think, feel and react rather than on
// rules that limit what the environment allows; RESTRICTION is therefore empty (see NO_SUGGESTION_REASON).
const FUNCTION_TECHNIQUES: Record<InterventionFunction, readonly string[]> = {
  EDUCATION: ["5.3", "5.1", "2.2", "2.7", "7.1", "2.3"],
  PERSUASION: ["9.1", "5.3", "5.1", "2.2", "2.7"],
  INCENTIVISATION: ["2.2", "2.7", "2.1", "2.5", "2.3"],
  COERCION: ["2.2", "2.7", "2.1", "2.5", "2.3"],
  TRAINING: ["6.1", "4.1", "2.2", "2.7", "2.3", "8.1"],
  RESTRICTION: [],
  ENVIRONMENTAL_RESTRUCTURING: ["12.5", "7.1", "12.1"],
  MODELLING: ["6.1"],
  ENABLEMENT: ["3.1", "3.2", "1.1", "1.3", "12.5", "1.2", "1.4", "2.3", "12.1", "1.5", "1.7"],
};

/** Why a function has no suggested technique, for the UI to say so instead of showing an empty list. */
export const NO_SUGGESTION_REASON: Partial<Record<InterventionFunction, string>> = {
  RESTRICTION:
    "The Behaviour Change Wheel guide links no technique of the taxonomy to restriction: the techniques change how people think, feel and react, while restriction changes the rules around them.",
};

/** The techniques commonly used for a function, in taxonomy order. */
export function suggestedTechniques(fn: InterventionFunction): readonly Bct[] {
  return FUNCTION_TECHNIQUES[fn]
    .map((id) => BY_ID.get(id))
    .filter((t): t is Bct => t !== undefined)
    .sort((a, b) => (ORDER.get(a.id) ?? 0) - (ORDER.get(b.id) ?? 0));
}

/** Known ids only, each once, in taxonomy order: how an intervention stores its techniques. */
export function inTaxonomyOrder(ids: readonly string[]): string[] {
  return [...new Set(ids)].filter(isBctId).sort((a, b) => (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0));
}

/** The raw mapping as written (guide order), for tests and documentation. */
export function functionTechniqueIds(fn: InterventionFunction): readonly string[] {
  return FUNCTION_TECHNIQUES[fn];
}
