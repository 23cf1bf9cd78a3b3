/**
 * The year loop of MODEL.md section 3 as plain Java: what one simulated year does, in the order it
 * must happen, each step a pure function of the employee and a few exact facts about the whole
 * workforce, so that any task can compute any employee and the result never depends on parallelism.
 *
 * <ol>
 *   <li><b>Start of year.</b> {@link io.planwise.model.projection.StartOfYear}: each employee's age,
 *       tenure, level, bands and hazard weight w. {@link io.planwise.model.projection.Population}:
 *       the exact totals over the workforce — headcount N, weight W = Σw, headcount by level.</li>
 *   <li><b>Experienced terminations.</b> With N and W known, p = min(1, t·N·w / W) per employee
 *       ({@link io.planwise.model.projection.Hazards}); T = how many drew u &lt; p.</li>
 *   <li><b>Workforce needs.</b> {@link io.planwise.model.projection.NeedsPlan}: target, hires H,
 *       new-hire terminations and reduction in force, in integers from N, T and the exact rates.</li>
 *   <li><b>Reduction in force</b> (when net ≤ 0): the survivors with the smallest u/w are laid off;
 *       the k smallest {@link io.planwise.model.projection.RankKey}s
 *       ({@link io.planwise.model.projection.SmallestRanks}) give the cutoff.</li>
 *   <li><b>The workforce's year.</b> {@link io.planwise.model.projection.EmployeeYear}: termination or
 *       layoff, else promotion (Feb 1) and merit + COLA raise (Jul 15); events in event order, the
 *       year-end snapshot with prorated pay, and the employee's start of next year.</li>
 *   <li><b>New hires.</b> {@link io.planwise.model.projection.NewHires}: H slots, each a pure function
 *       of its number (level by {@link io.planwise.model.projection.HireLevels}, age, dates, pay);
 *       the NHT hires with the smallest draw leave within the year (again a cutoff of smallest ranks).</li>
 *   <li><b>Evaluation</b>, after the last year: {@link io.planwise.model.projection.RunLedger} counts
 *       the mart rows themselves, {@link io.planwise.model.projection.RunChecks} builds the needs and
 *       summary marts from it and checks MODEL.md section 5; a failed check publishes nothing.</li>
 * </ol>
 *
 * <p>Steps 2, 3, 4 and 6 each need a fact about the whole workforce of the year, which is why a
 * trial is computed whole: {@link io.planwise.model.projection.TrialProjection} runs the steps in
 * order over one trial's workforce in memory ({@link io.planwise.model.projection.Workforce}: each
 * {@link io.planwise.model.projection.Person} with this year's pay and level), or over one
 * {@link io.planwise.model.projection.TrialShard} of it, whose parts of those facts
 * ({@link io.planwise.model.projection.ShardFact}: population, {@link io.planwise.model.projection.Count},
 * smallest ranks, ledger) merge exactly with the other shards' through a
 * {@link io.planwise.model.projection.ShardAgreement}. The Flink job runs the ensemble's trials whole,
 * spread over its tasks, and splits each detail trial over all of them; the SQL engine runs each
 * step as a query over the year's table of every trial.
 */
package io.planwise.model.projection;
