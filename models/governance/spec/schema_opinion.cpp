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
      .real("weight_wait", 0, 1, "weight", "ω_w: weight of the wait term exp(−W/W0).", "assumption",
            [](P& p) -> auto& { return p.satisfaction.weight_wait; })
      .real("weight_fit", 0, 1, "weight", "ω_f: weight of fit between service and need.", "assumption",
            [](P& p) -> auto& { return p.satisfaction.weight_fit; })
      .real("performance_noise_sd", 0, 30, "points", "Standard deviation of the noise ε on perceived performance.",
            "assumption [MODEL_BRIEF §3.1]", [](P& p) -> auto& { return p.satisfaction.performance_noise_sd; })
      .real("beta_performance", 0.4, 0.8, "coefficient", "β_P: effect of performance on encounter satisfaction.",
            "assumption; EDM [S1–S4]", [](P& p) -> auto& { return p.satisfaction.beta_performance; })
      .real("beta_expectation", 0, 0.2, "coefficient", "β_E: direct effect of expectations.",
            "[S2] positive; [S6] ≈ 0; [S5] r = .29", [](P& p) -> auto& { return p.satisfaction.beta_expectation; })
      .real("beta_disconfirmation", 0.2, 0.6, "coefficient", "β_D: effect of positive disconfirmation P − E.",
            "assumption; subtractive disconfirmation [S3]",
            [](P& p) -> auto& { return p.satisfaction.beta_disconfirmation; })
      .real("negativity_multiplier", 1, 3, "multiplier",
            "λ: negative disconfirmation weighs this many times more than positive.", "[S7, S9]; value assumption",
            [](P& p) -> auto& { return p.satisfaction.negativity_multiplier; })
      .real("beta_normative", 0.1, 0.3, "coefficient", "β_N: penalty when performance falls below the normative floor.",
            "[S6]; value assumption", [](P& p) -> auto& { return p.satisfaction.beta_normative; })
      .real("memory", 0.5, 0.8, "weight", "ρ: weight kept on the old category satisfaction after an encounter.",
            "assumption [MODEL_BRIEF §3.3]", [](P& p) -> auto& { return p.satisfaction.memory; })
      .real("weekly_reversion", 0.9, 1, "factor/week",
            "Without encounters, satisfaction keeps this share of its distance from the personal prior each week.",
            "assumption [MODEL_BRIEF §3.3]: 0.995", [](P& p) -> auto& { return p.satisfaction.weekly_reversion; })
      .real("unused_category_weight", 0, 1, "weight",
            "Weight of categories a resident has never used in overall satisfaction.", "assumption [MODEL_BRIEF §3.3]",
            [](P& p) -> auto& { return p.satisfaction.unused_category_weight; })
      .real("expectation_learning_rate", 0.05, 0.5, "rate/encounter",
            "η: step of expectations toward performance (doubled when performance disappoints).",
            "assumption; [S8] negativity", [](P& p) -> auto& { return p.satisfaction.expectation_learning_rate; })
      .real("normative_ratchet", 0, 0.1, "rate/encounter", "Step of the normative floor up toward better performance.",
            "assumption [MODEL_BRIEF §3.4]", [](P& p) -> auto& { return p.satisfaction.normative_ratchet; })
      .real("initial_mean", 20, 95, "points 0-100", "Mean satisfaction at the start.",
            "assumption; [S53] Chinese street surveys", [](P& p) -> auto& { return p.satisfaction.initial_mean; })
      .real("initial_sd", 0, 30, "points", "Spread of satisfaction at the start.", "assumption",
            [](P& p) -> auto& { return p.satisfaction.initial_sd; });
}

void add_word_of_mouth(Schema& s) {
  TableBuilder(s, "word_of_mouth", "Word of mouth")
      .integer("mean_degree", 2, 16, "ties", "Ties per resident in the building network (group leaders 3×).",
               "assumption [MODEL_BRIEF §3.5]: 6–10", [](P& p) -> auto& { return p.word_of_mouth.mean_degree; })
      .real("rewiring_probability", 0, 1, "probability", "Share of ties rewired to anyone in the community.",
            "assumption: small world p = 0.05", [](P& p) -> auto& { return p.word_of_mouth.rewiring_probability; })
      .real("talk_base", 0, 1, "probability/week", "Weekly chance that a neutral resident talks about services.",
            "assumption [S11]", [](P& p) -> auto& { return p.word_of_mouth.talk_base; })
      .real("talk_satisfied", 0, 1, "probability/week", "Extra talk chance at full satisfaction (S = 100).",
            "assumption [S11]", [](P& p) -> auto& { return p.word_of_mouth.talk_satisfied; })
      .real("talk_dissatisfied", 0, 1, "probability/week", "Extra talk chance at zero satisfaction.",
            "assumption [S11]", [](P& p) -> auto& { return p.word_of_mouth.talk_dissatisfied; })
      .real("influence", 0, 1, "rate", "μ: step of the listener's satisfaction toward the talker's.",
            "assumption; Deffuant [S20]", [](P& p) -> auto& { return p.word_of_mouth.influence; })
      .real("confidence_bound", 0, 100, "points", "ε: listeners ignore talkers whose satisfaction differs more.",
            "assumption [S20]", [](P& p) -> auto& { return p.word_of_mouth.confidence_bound; })
      .real("expectation_influence", 0, 1, "rate", "μ_E: step of the listener's expectation toward what they hear.",
            "assumption", [](P& p) -> auto& { return p.word_of_mouth.expectation_influence; });
}

void add_trust(Schema& s) {
  TableBuilder(s, "trust", "Trust")
      .real("initial_mean", 0, 100, "points 0-100", "Mean trust in the community at the start.", "assumption",
            [](P& p) -> auto& { return p.trust.initial_mean; })
      .real("gain_rate", 0, 0.2, "rate/week", "γ⁺: weekly step of trust toward higher satisfaction.",
            "assumption [MODEL_BRIEF §3.6]", [](P& p) -> auto& { return p.trust.gain_rate; })
      .real("loss_multiplier", 1, 5, "multiplier", "γ⁻/γ⁺: trust falls this many times faster than it rises.",
            "[S18]; value assumption", [](P& p) -> auto& { return p.trust.loss_multiplier; })
      .real("participation_gain", 0, 5, "points/event", "θ_p: trust gained per meeting attended.",
            "assumption [MODEL_BRIEF §3.6]", [](P& p) -> auto& { return p.trust.participation_gain; })
      .real("complaint_loss", 0, 10, "points/complaint", "θ_c: trust lost per unresolved complaint.", "assumption",
            [](P& p) -> auto& { return p.trust.complaint_loss; })
      .real("transparency_gain", 0, 0.5, "points/week", "Weekly trust gain from the five affairs in the open.",
            "assumption", [](P& p) -> auto& { return p.trust.transparency_gain; });
}

}  // namespace shanzhi::gov::schema
