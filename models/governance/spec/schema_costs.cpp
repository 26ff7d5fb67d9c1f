// Scenario keys of the public cost (docs/model.md, Public cost): what the district pays for the
// community workforce (pay, 好社工 awards, training, licensing) and for the reforms that are not
// one of the six funding instruments (居站分设, 全科社工, the street hubs, third-party assessment).
// No mechanism reads them: they price what the model already does, so the spending metrics and
// the cost-effectiveness of `shanzhi compare` count the full public cost of a policy.
// Sources: [Seed] = the Guangling report; [S#] = MODEL_BRIEF.md §7; "assumption" = a modelling
// choice, with its plausible range. The seed gives no money figure for any of them.

#include "models/governance/spec/schema_builder.hpp"

namespace shanzhi::gov::schema {

void add_costs(Schema& s) {
  TableBuilder(s, "costs", "Public cost")
      .real("reference_pay_yuan_per_year", 0, 1'000'000, "CNY/worker-year",
            "All-in yearly cost of a community worker paid the local reference wage (wage, employer's social "
            "insurance and housing fund); a post costs workforce.pay_ratio × this a year, filled or vacant "
            "(as budgeted), the social-work station's (L2) included, and a 好社工 award (L18) costs appraisal.award_pay_bonus × "
            "this per post of a winning community.",
            "[Seed] pay guidance (L17) gives no figure; MODEL_BRIEF §7: a social-work post ¥80–100k a year all-in "
            "[A, extrapolated]; assumption",
            [](P& p) -> auto& { return p.costs.reference_pay_yuan_per_year; })
      .plausible(75000, 110000,
                 "MODEL_BRIEF §7: ¥80–100k per social-work post-year all-in [A]; widened for Yangzhou wage levels and "
                 "employer contributions of 30–40% (assumption)")
      .real("training_yuan_per_skill", 0, 1'000'000, "CNY per worker-year per skill/year",
            "Training (教育培训, L7) that adds workforce.training_skill_per_year skill a year costs that × this per "
            "post a year: ¥3,000 a post at the brief's +0.05.",
            "[Seed] training (L7); value assumption [MODEL_BRIEF L7: +0.05 skill a year]",
            [](P& p) -> auto& { return p.costs.training_yuan_per_skill; })
      .plausible(30000, 120000,
                 "assumption: ¥1,500–6,000 per worker a year at +0.05 skill (two to ten days of courses, fees and "
                 "cover)")
      .real("multi_skill_training_yuan_per_worker_year", 0, 100'000, "CNY/worker-year",
            "Yearly cost of keeping a worker trained to one specialty, many skills (一专多能, L7): the share "
            "workforce.multi_skilled_share of posts costs this each.",
            "[Seed] 一专多能; value assumption", [](P& p) -> auto& { return p.costs.multi_skill_training_yuan_per_worker_year; })
      .plausible(1000, 4000, "assumption with no source: half to double ¥2,000 (courses across fields, amortised)")
      .real("licence_allowance_yuan_per_year", 0, 100'000, "CNY/worker-year",
            "Yearly cost of a licensed worker (持证上岗, L7): the certificate allowance and amortised exam and "
            "continuing-education support, budgeted for every licensed post (every social-work station post and "
            "workforce.certified_share of the others).",
            "[Seed] licensing; MODEL_BRIEF L7: certification raises the pay grade; value assumption",
            [](P& p) -> auto& { return p.costs.licence_allowance_yuan_per_year; })
      .plausible(1200, 7200, "assumption: an allowance of ¥100–600 a month, the range of local certificate allowances")
      .real("general_practice_yuan_per_worker_year", 0, 100'000, "CNY/worker-year",
            "Yearly cost per post of a community with general-practice social workers (全科社工, L10): cross-training "
            "for every admin item, amortised, and kept up for new hires.",
            "MODEL_BRIEF L10: 'an up-front training cost'; value assumption",
            [](P& p) -> auto& { return p.costs.general_practice_yuan_per_worker_year; })
      .plausible(500, 5000, "assumption with no source: a week of training every few years to a week a year")
      .real("station_separation_yuan_per_community_year", 0, 1'000'000, "CNY/community-year",
            "Yearly cost of a community that separates the residents' committee from the workstation (居站分设, L9): "
            "the separate station's premises and running, and committee members' allowances. The model keeps the "
            "same staff (it relabels them), so this stands for what the separation adds.",
            "[Seed] 居站分设; value assumption", [](P& p) -> auto& { return p.costs.station_separation_yuan_per_community_year; })
      .plausible(20000, 150000, "assumption: from running costs only to running costs plus about one extra post")
      .real("hub_yuan_per_street_year", 0, 10'000'000, "CNY/street-year",
            "Yearly running cost of a street's social-work development centre (三社联动 hub, L11) while the hub is on.",
            "[Seed] hub per street; [S45]: Guangzhou family service centres ≈ ¥2m per street a year (a larger "
            "service); value assumption",
            [](P& p) -> auto& { return p.costs.hub_yuan_per_street_year; })
      .plausible(200000, 2000000, "[S45] ¥2m per street-year is the top (a full service centre); a hub that only "
                                  "federates and guides organisations costs a few staff")
      .real("third_party_yuan_per_community_year", 0, 1'000'000, "CNY/community-year",
            "Yearly cost of third-party assessment (L19) per community: the agency's surveys and ratings of the "
            "quarterly appraisals.",
            "[Seed] independent third-party agencies; value assumption",
            [](P& p) -> auto& { return p.costs.third_party_yuan_per_community_year; })
      .plausible(10000, 50000, "assumption: four survey rounds of a few hundred interviews a year at ¥10–30 each, plus "
                               "the agency's report");
}

}  // namespace shanzhi::gov::schema
