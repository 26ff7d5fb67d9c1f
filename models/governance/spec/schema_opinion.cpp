// Scenario keys of how residents feel and talk: the expectancy–disconfirmation model of
// satisfaction, word of mouth and trust (MODEL_BRIEF §3).
// Sources: [Seed] = the Guangling report; [S#] = MODEL_BRIEF.md §7; "assumption" = a modelling
// choice to calibrate, with its plausible range. Lever defaults are the pre-reform state.

#include "models/governance/spec/schema_builder.hpp"

#include <string>

namespace shanzhi::gov::schema {

void add_satisfaction(Schema& s) {
  TableBuilder(s, "satisfaction", "Satisfaction model")
      .real("weight_quality", 0, 1, "weight", "ω_q: weight of service quality in perceived performance.",
            "assumption [MODEL_BRIEF §3.1]", [](P& p) -> auto& { return p.satisfaction.weight_quality; })
      .plausible(0.4, 0.6, "MODEL_BRIEF §3.1 ω = (0.5, 0.3, 0.2) [A]: ±0.1; the three weights must sum to 1, so a sampler renormalises them")
      .real("weight_wait", 0, 1, "weight", "ω_w: weight of the wait term exp(−W/W0).", "assumption",
            [](P& p) -> auto& { return p.satisfaction.weight_wait; })
      .plausible(0.2, 0.4, "MODEL_BRIEF §3.1 [A]: ±0.1; sums to 1 with weight_quality and weight_fit")
      .real("weight_fit", 0, 1, "weight", "ω_f: weight of fit between service and need.", "assumption",
            [](P& p) -> auto& { return p.satisfaction.weight_fit; })
      .plausible(0.1, 0.3, "MODEL_BRIEF §3.1 [A]: ±0.1; sums to 1 with weight_quality and weight_wait")
      .real("performance_noise_sd", 0, 30, "points", "Standard deviation of the noise ε on perceived performance.",
            "assumption [MODEL_BRIEF §3.1]", [](P& p) -> auto& { return p.satisfaction.performance_noise_sd; })
      .plausible(4, 12, "MODEL_BRIEF §3.1 gives 8 [A]: half to one and a half times")
      .real("beta_performance", 0.4, 0.8, "coefficient", "β_P: effect of performance on encounter satisfaction.",
            "assumption; EDM [S1–S4]", [](P& p) -> auto& { return p.satisfaction.beta_performance; })
      .plausible(0.4, 0.8, "MODEL_BRIEF §3.2 table: β_P 0.4–0.8")
      .real("beta_expectation", 0, 0.2, "coefficient", "β_E: direct effect of expectations.",
            "[S2] positive; [S6] ≈ 0; [S5] r = .29", [](P& p) -> auto& { return p.satisfaction.beta_expectation; })
      .plausible(0, 0.2, "MODEL_BRIEF §3.2 table: β_E 0–0.2 ([S2] positive; [S6] ≈ 0)")
      .real("beta_disconfirmation", 0.2, 0.6, "coefficient", "β_D: effect of positive disconfirmation P − E.",
            "assumption; subtractive disconfirmation [S3]",
            [](P& p) -> auto& { return p.satisfaction.beta_disconfirmation; })
      .plausible(0.2, 0.6, "MODEL_BRIEF §3.2 table: β_D 0.2–0.6")
      .real("negativity_multiplier", 1, 3, "multiplier",
            "λ: negative disconfirmation weighs this many times more than positive.", "[S7, S9]; value assumption",
            [](P& p) -> auto& { return p.satisfaction.negativity_multiplier; })
      .plausible(1.5, 2.5, "MODEL_BRIEF §3.2 table: λ 1.5–2.5 [S7, S9]")
      .real("beta_normative", 0.1, 0.3, "coefficient", "β_N: penalty when performance falls below the normative floor.",
            "[S6]; value assumption", [](P& p) -> auto& { return p.satisfaction.beta_normative; })
      .plausible(0.1, 0.3, "MODEL_BRIEF §3.2 table: β_N 0.1–0.3 [S6]")
      .real("memory", 0.5, 0.8, "weight", "ρ: weight kept on the old category satisfaction after an encounter.",
            "assumption [MODEL_BRIEF §3.3]", [](P& p) -> auto& { return p.satisfaction.memory; })
      .plausible(0.5, 0.8, "MODEL_BRIEF §3.3: ρ 0.5–0.8")
      .real("weekly_reversion", 0.9, 1, "factor/week",
            "Without encounters, satisfaction keeps this share of its distance from the personal prior each week.",
            "assumption [MODEL_BRIEF §3.3]: 0.995", [](P& p) -> auto& { return p.satisfaction.weekly_reversion; })
      .plausible(0.99, 0.998, "MODEL_BRIEF §3.3 gives 0.995 (a half-life of 138 weeks) [A]: half-lives of 69 to 346 weeks")
      .real("unused_category_weight", 0, 1, "weight",
            "Weight of categories a resident has never used in overall satisfaction.", "assumption [MODEL_BRIEF §3.3]",
            [](P& p) -> auto& { return p.satisfaction.unused_category_weight; })
      .plausible(0.1, 0.5, "MODEL_BRIEF §3.3 gives 0.3 [A]: ±0.2")
      .real("expectation_learning_rate", 0.05, 0.5, "rate/encounter",
            "η: step of expectations toward performance (doubled when performance disappoints).",
            "assumption; [S8] negativity", [](P& p) -> auto& { return p.satisfaction.expectation_learning_rate; })
      .plausible(0.1, 0.3, "MODEL_BRIEF §3.4: η 0.1–0.3")
      .real("normative_ratchet", 0, 0.1, "rate/encounter", "Step of the normative floor up toward better performance.",
            "assumption [MODEL_BRIEF §3.4]", [](P& p) -> auto& { return p.satisfaction.normative_ratchet; })
      .plausible(0.01, 0.04, "MODEL_BRIEF §3.4 gives 0.02 [A]: half to double")
      .real("information_rate", 0, 1, "share/quarter",
            "η_I: each quarter every resident's expectation of a service moves this share of the way toward the "
            "performance residents of the community perceived in that service's needs closed that quarter (what "
            "they hear: neighbours, the public-sentiment database, published appraisals).",
            "MODEL_BRIEF §3.4 (E ← E + η(P − E) + η_I(I − E)); value assumption",
            [](P& p) -> auto& { return p.satisfaction.information_rate; })
      .plausible(0.03, 0.3, "assumption: the gap to what residents hear halves in 2 quarters (0.3) to 6 years (0.03)")
      .real("initial_mean", 20, 95, "points 0-100", "Mean satisfaction at the start.",
            "assumption; [S53] Chinese street surveys", [](P& p) -> auto& { return p.satisfaction.initial_mean; })
      .plausible(65, 75, "MODEL_BRIEF §4: mean S 70 [A]; [S54] ACSI federal 66–70; Chinese surveys read higher, partly response bias [S53]")
      .real("initial_sd", 0, 30, "points", "Spread of satisfaction at the start.", "assumption",
            [](P& p) -> auto& { return p.satisfaction.initial_sd; })
      .plausible(8, 16, "MODEL_BRIEF §4 gives sd 12 [A]: ±one third")
      .real("anchor_points", 0, 100, "points 0-100",
            "Where the EDM is anchored: β0 = anchor × (1 − β_P − β_E), so performance equal to expectations at the anchor "
            "leaves encounter satisfaction there; below it a met expectation still disappoints a little, above it "
            "pleases.",
            "MODEL_BRIEF §3.2: β0 = 21, set so that P = E = 70 gives S = 70",
            [](P& p) -> auto& { return p.satisfaction.anchor_points; })
      .plausible(60, 80, "satisfaction levels seen: [S54] ACSI federal 66–70; [S53] Chinese street surveys higher")
      .real("disappointment_learning_factor", 1, 5, "multiplier",
            "Expectations move this many times faster toward a performance that falls short of them.",
            "MODEL_BRIEF §3.4: η doubled when P < E [A factor]; [S8] negativity",
            [](P& p) -> auto& { return p.satisfaction.disappointment_learning_factor; })
      .plausible(1.5, 3, "MODEL_BRIEF §3.4 gives 2 [A]; [S8] shows information on poor performance moves expectations "
                         "more, without a size")
      .real("salience_floor", 0, 5, "needs/year",
            "Added to each category's need rate when weighing it in overall satisfaction, so a category a resident "
            "rarely needs still counts a little.",
            "assumption [MODEL_BRIEF §3.3: weights follow need salience]",
            [](P& p) -> auto& { return p.satisfaction.salience_floor; })
      .plausible(0.05, 0.2, "assumption with no source: half to double")
      .real("initial_category_sd", 0, 30, "points",
            "Spread of each category's satisfaction around the resident's overall starting level.", "assumption",
            [](P& p) -> auto& { return p.satisfaction.initial_category_sd; })
      .plausible(2.5, 10, "assumption with no source: half to double")
      .real("initial_expectation_sd", 0, 30, "points", "Spread of starting expectations around initial_mean.",
            "assumption", [](P& p) -> auto& { return p.satisfaction.initial_expectation_sd; })
      .plausible(2.5, 10, "assumption with no source: half to double")
      .real("initial_normative_gap", 0, 50, "points",
            "The normative floor (what residents think they are owed) starts this many points below what they expect.",
            "assumption; [S6] normative and predictive expectations differ",
            [](P& p) -> auto& { return p.satisfaction.initial_normative_gap; })
      .plausible(5, 20, "assumption with no source: half to double");
}

void add_word_of_mouth(Schema& s) {
  TableBuilder(s, "word_of_mouth", "Word of mouth")
      .integer("mean_degree", 2, 16, "ties", "Ties per resident in the building network (group leaders 3×).",
               "assumption [MODEL_BRIEF §3.5]: 6–10", [](P& p) -> auto& { return p.word_of_mouth.mean_degree; })
      .plausible(6, 10, "MODEL_BRIEF §3.5: mean degree 6–10")
      .real("rewiring_probability", 0, 1, "probability", "Share of ties rewired to anyone in the community.",
            "assumption: small world p = 0.05", [](P& p) -> auto& { return p.word_of_mouth.rewiring_probability; })
      .plausible(0.01, 0.1, "MODEL_BRIEF §3.5 gives p = 0.05 [A]; small-world behaviour holds over roughly 0.01–0.1 (Watts–Strogatz)")
      .real("talk_base", 0, 1, "probability/week", "Weekly chance that a neutral resident talks about services.",
            "assumption [S11]", [](P& p) -> auto& { return p.word_of_mouth.talk_base; })
      .plausible(0.025, 0.075, "MODEL_BRIEF §3.5 [A; shape from S11]: ±50%, no measured value")
      .real("talk_satisfied", 0, 1, "probability/week", "Extra talk chance at full satisfaction (S = 100).",
            "assumption [S11]", [](P& p) -> auto& { return p.word_of_mouth.talk_satisfied; })
      .plausible(0.075, 0.225, "MODEL_BRIEF §3.5 [A; shape from S11]: ±50%, no measured value")
      .real("talk_dissatisfied", 0, 1, "probability/week", "Extra talk chance at zero satisfaction.",
            "assumption [S11]", [](P& p) -> auto& { return p.word_of_mouth.talk_dissatisfied; })
      .plausible(0.15, 0.45, "MODEL_BRIEF §3.5 [A]: ±50%; [S11] the dissatisfied talk more, by less than folklore claims")
      .real("influence", 0, 1, "rate", "μ: step of the listener's satisfaction toward the talker's.",
            "assumption; Deffuant [S20]", [](P& p) -> auto& { return p.word_of_mouth.influence; })
      .plausible(0.1, 0.3, "MODEL_BRIEF §3.5: μ 0.1–0.3")
      .real("confidence_bound", 0, 100, "points", "ε: listeners ignore talkers whose satisfaction differs more.",
            "assumption [S20]", [](P& p) -> auto& { return p.word_of_mouth.confidence_bound; })
      .plausible(30, 50, "MODEL_BRIEF §3.5: ε 30–50 points")
      .real("expectation_influence", 0, 1, "rate", "μ_E: step of the listener's expectation toward what they hear.",
            "assumption", [](P& p) -> auto& { return p.word_of_mouth.expectation_influence; })
      .plausible(0.05, 0.15, "assumption with no source: ±50% of 0.1")
      .integer("leader_degree_factor", 1, 10, "multiplier",
               "Resident group leaders have this many times the ties of other residents; the extra ties reach across "
               "their resident group.",
               "assumption [MODEL_BRIEF §3.5, L14: 3×]", [](P& p) -> auto& { return p.word_of_mouth.leader_degree_factor; })
      .plausible(2, 4, "MODEL_BRIEF gives 3× [A]: ±1")
      .real("talk_satisfied_above", 0, 99, "points 0-100",
            "Satisfaction above which residents talk more the happier they are (reaching talk_satisfied at 100).",
            "MODEL_BRIEF §3.5: (S − 70)⁺/30 [A]", [](P& p) -> auto& { return p.word_of_mouth.talk_satisfied_above; })
      .plausible(60, 80, "MODEL_BRIEF §3.5 gives 70 [A]: ±10 points")
      .real("talk_dissatisfied_below", 1, 100, "points 0-100",
            "Satisfaction below which residents talk more the unhappier they are (reaching talk_dissatisfied at 0).",
            "MODEL_BRIEF §3.5: (50 − S)⁺/50 [A]", [](P& p) -> auto& { return p.word_of_mouth.talk_dissatisfied_below; })
      .plausible(40, 60, "MODEL_BRIEF §3.5 gives 50 [A]: ±10 points")
      .real("experienced_influence_factor", 0, 1, "multiplier",
            "μ is multiplied by this when the listener has used the service talked about.",
            "MODEL_BRIEF §3.5: halve μ; [S9] own experience weakens the negativity bias",
            [](P& p) -> auto& { return p.word_of_mouth.experienced_influence_factor; })
      .plausible(0.25, 0.75, "MODEL_BRIEF gives a half [A]: ±50%");
}

void add_trust(Schema& s) {
  TableBuilder(s, "trust", "Trust")
      .real("initial_mean", 0, 100, "points 0-100", "Mean trust in the community at the start.", "assumption",
            [](P& p) -> auto& { return p.trust.initial_mean; })
      .plausible(50, 70, "assumption with no source (set below satisfaction): ±10 points")
      .real("gain_rate", 0, 0.2, "rate/week", "γ⁺: weekly step of trust toward higher satisfaction.",
            "assumption [MODEL_BRIEF §3.6]", [](P& p) -> auto& { return p.trust.gain_rate; })
      .plausible(0.01, 0.03, "MODEL_BRIEF §3.6: γ⁺ 0.01–0.03 a week")
      .real("loss_multiplier", 1, 5, "multiplier", "γ⁻/γ⁺: trust falls this many times faster than it rises.",
            "[S18]; value assumption", [](P& p) -> auto& { return p.trust.loss_multiplier; })
      .plausible(2, 3, "MODEL_BRIEF §3.6: γ⁻ = 2–3 × γ⁺ [S18]")
      .real("participation_gain", 0, 5, "points/event", "θ_p: trust gained per meeting attended.",
            "assumption [MODEL_BRIEF §3.6]", [](P& p) -> auto& { return p.trust.participation_gain; })
      .plausible(0.5, 2, "MODEL_BRIEF §3.6: θ_p 0.5–2 points per event")
      .real("complaint_loss", 0, 10, "points/complaint", "θ_c: trust lost per unresolved complaint.", "assumption",
            [](P& p) -> auto& { return p.trust.complaint_loss; })
      .plausible(1, 3, "assumption with no source: ±50% of 2 points")
      .real("transparency_gain", 0, 0.5, "points/week", "Weekly trust gain from the five affairs in the open.",
            "assumption", [](P& p) -> auto& { return p.trust.transparency_gain; })
      .plausible(0.01, 0.04, "assumption with no source: half to double")
      .real("initial_sd", 0, 40, "points", "Spread of trust in the community at the start.", "assumption",
            [](P& p) -> auto& { return p.trust.initial_sd; })
      .plausible(8, 16, "assumption: as for satisfaction (MODEL_BRIEF §4 sd 12), ±one third")
      .real("hierarchical_share", 0, 1, "share 0-1",
            "Share of residents who start trusting higher levels more (T_dist ≥ T_street ≥ T_comm).",
            "[S17]: one third to two thirds hold this pattern (Li 2016)",
            [](P& p) -> auto& { return p.trust.hierarchical_share; })
      .plausible(0.33, 0.67, "[S17]: one third to two thirds of residents in Chinese national surveys")
      .real("hierarchical_step_max", 0, 50, "points",
            "For those residents, street trust starts 0 to this many points above community trust, and district "
            "trust as much again above street trust.",
            "assumption", [](P& p) -> auto& { return p.trust.hierarchical_step_max; })
      .plausible(5, 20, "assumption with no source: half to double")
      .real("level_sd", 0, 30, "points",
            "For the other residents, street and district trust start around community trust with this spread.",
            "assumption", [](P& p) -> auto& { return p.trust.level_sd; })
      .plausible(2.5, 10, "assumption with no source: half to double")
      .real("street_rate_factor", 0, 1, "multiplier",
            "Trust in the street office follows satisfaction at this fraction of the community's pace.",
            "assumption; [S17] higher levels are further from residents' experience",
            [](P& p) -> auto& { return p.trust.street_rate_factor; })
      .plausible(0.25, 0.75, "assumption with no source: ±50%")
      .real("district_rate_factor", 0, 1, "multiplier",
            "Trust in the district follows satisfaction at this fraction of the community's pace.",
            "assumption; [S17]", [](P& p) -> auto& { return p.trust.district_rate_factor; })
      .plausible(0.1, 0.5, "assumption with no source: below the street's pace, from 0.1 to 0.5")
      .real("belonging_premium", 0, 2, "points/point",
            "Trust in the community settles at satisfaction plus this many points per point of belonging above "
            "neutral (50): belonging is what lets taking part build trust that lasts (fact 11).",
            "assumption; [S25, S26]", [](P& p) -> auto& { return p.trust.belonging_premium; })
      .plausible(0.25, 1, "assumption with no source: half to double")
      .real("complaint_resolved_share", 0, 1, "share 0-1",
            "Share of complaints resolved before they cost trust in the community.", "assumption",
            [](P& p) -> auto& { return p.trust.complaint_resolved_share; })
      .plausible(0.3, 0.7, "assumption with no source: a third to two thirds resolved");
}

}  // namespace shanzhi::gov::schema
