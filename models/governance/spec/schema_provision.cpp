// Scenario keys of the providers other than community workers: purchase of services and its
// catalogue (L3), social organisations (L11–L13, L17), enterprises and co-building (L20, L21) and
// party coordination (L5).
// Sources: [Seed] = the Guangling report; [S#] = MODEL_BRIEF.md §7; "assumption" = a modelling
// choice to calibrate, with its plausible range. Lever defaults are the pre-reform state.

#include "models/governance/spec/schema_builder.hpp"

#include <string>

namespace shanzhi::gov::schema {

void add_purchase(Schema& s) {
  TableBuilder(s, "purchase", "Purchase of services")
      .real("budget_per_community_yuan", 0, 5'000'000, "CNY/year",
            "Annual government purchase-of-services budget per community (政府购买服务).",
            "assumption ¥150–300k [MODEL_BRIEF §4]", [](P& p) -> auto& { return p.purchase.budget_per_community_yuan; },
            "L3")
      .at_fiscal_year()  // the year's purchases are made when it opens (fiscal_year.cpp)
      .choice("mode", {"commissioned", "tendered"},
              "Delivery mode: commissioned (委托, to the incumbent) or tendered (购买, competitive bids).", "[Seed]",
              [](P& p) -> auto& { return p.purchase.mode; }, "L3")
      .at_fiscal_year()
      .group("Purchase model")
      .real("price_per_hour_yuan", 10, 500, "CNY/hour",
            "Highest price per service hour a tender accepts; commissioned contracts pay cost plus margin below it.",
            "assumption: ≈ ¥100k per post-year [MODEL_BRIEF §4: ¥80–100k]", [](P& p) -> auto& { return p.purchase.price_per_hour_yuan; })
      .plausible(55, 85, "¥80–120k per post-year over 1,456 delivered hours (28 h × 52) [MODEL_BRIEF §4: SW post ¥80–100k all-in]")
      .real("award_weight_quality", 0, 1, "weight", "Weight of observed quality in tender scores.",
            "assumption [MODEL_BRIEF §2.3]", [](P& p) -> auto& { return p.purchase.award_weight_quality; })
      .plausible(0.4, 0.6, "MODEL_BRIEF §2.3 gives 0.5 [A]: ±0.1; sums to 1 with the other two award weights, so a sampler renormalises")
      .real("award_weight_price", 0, 1, "weight", "Weight of price in tender scores.", "assumption",
            [](P& p) -> auto& { return p.purchase.award_weight_price; })
      .plausible(0.2, 0.4, "MODEL_BRIEF §2.3 gives 0.3 [A]: ±0.1; sums to 1 with the other two")
      .real("award_weight_embeddedness", 0, 1, "weight", "Weight of local embeddedness in tender scores.",
            "assumption; [Seed] rooted SOs preferred", [](P& p) -> auto& { return p.purchase.award_weight_embeddedness; })
      .plausible(0.1, 0.3, "MODEL_BRIEF §2.3 gives 0.2 [A]: ±0.1; sums to 1 with the other two")
      .real("reputation_noise_sd", 0, 1, "quality units", "Noise on quality as seen by the buyer in a tender.",
            "assumption", [](P& p) -> auto& { return p.purchase.reputation_noise_sd; })
      .plausible(0.05, 0.25, "assumption with no source: a third to five thirds of 0.15")
      .real("tender_min_quality", 0, 1, "quality 0-1",
            "Qualification bar of a tender (资质要求): an organisation whose quality is below it cannot bid (it "
            "lacks the certified staff and track record a tender asks for); small organisations below it reach "
            "purchased work only as a flagship's partner (由大带小) or by growing over the bar.",
            "assumption; [S29] small organisations' dependence on government work",
            [](P& p) -> auto& { return p.purchase.tender_min_quality; })
      .plausible(0.4, 0.6, "assumption ([S29] dependence of small organisations): ±0.1")
      .real("bid_competition", 0, 2, "exponent",
            "How strongly rivals press tender prices: a bidder facing n qualified bidders (itself included) "
            "asks its usual margin over cost (5–20% by its reserves: margin_low_reserves, margin_reserve_premium) divided by n to this power; 0 = bids "
            "ignore rivals and equal commissioned prices.",
            "first-price procurement auction, symmetric bidders: equilibrium margin ∝ 1/n (Krishna, Auction "
            "Theory, 2010, ch. 2); exponent 1 an assumption",
            [](P& p) -> auto& { return p.purchase.bid_competition; })
      .plausible(0.5, 1.5, "1 for symmetric first-price bidders (Krishna 2010); lower if bidders ignore rivals or collude, higher if they undercut hard")
      .real("direct_cost_per_hour_yuan", 5, 500, "CNY/hour",
            "Cost of one hour of government or workstation staff time on a DIRECT catalogue item (wage plus "
            "on-costs, no margin, no tender).",
            "assumption: ¥5,000/month × 1.5 on-costs / 173 h ≈ ¥45", [](P& p) -> auto& { return p.purchase.direct_cost_per_hour_yuan; })
      .plausible(35, 60, "wages ¥4,000–6,000 a month with on-costs of 1.3–1.7 over 173 h")
      .real("direct_hours_per_1k_residents", 0, 50, "hours/week",
            "Most DIRECT service hours staff can add per 1,000 residents a week: direct delivery is capped by "
            "worker hours; money beyond the cap stays unspent.",
            "assumption [MODEL_BRIEF fact 15]", [](P& p) -> auto& { return p.purchase.direct_hours_per_1k_residents; })
      .plausible(1, 4, "assumption with no source: half to double")
      .real("tender_admin_hours_per_lot", 0, 500, "hours/year",
            "Community worker hours one tendered lot costs per year (needs statement, bid review, acceptance "
            "checks); they join the mandatory admin hours.",
            "assumption [MODEL_BRIEF fact 15: tender overhead]", [](P& p) -> auto& { return p.purchase.tender_admin_hours_per_lot; })
      .plausible(15, 60, "assumption with no source: half to double 30 h")
      .real("commission_admin_hours_per_lot", 0, 500, "hours/year",
            "The same for a commissioned lot (no competition, less paperwork).", "assumption",
            [](P& p) -> auto& { return p.purchase.commission_admin_hours_per_lot; })
      .plausible(4, 16, "assumption with no source: half to double 8 h")
      .integer("handover_weeks", 0, 52, "weeks",
               "Weeks of lower quality after a lot changes provider (continuity dip).",
               "assumption [MODEL_BRIEF fact 15]", [](P& p) -> auto& { return p.purchase.handover_weeks; })
      .plausible(4, 13, "assumption with no source: one month to a quarter")
      .real("handover_quality_factor", 0.1, 1, "factor", "Quality multiplier of a new provider during the handover.",
            "assumption", [](P& p) -> auto& { return p.purchase.handover_quality_factor; })
      .plausible(0.6, 0.9, "assumption with no source: a 10–40% dip")
      .real("contract_fit_base", 0, 1, "fit 0-1",
            "Fit of a purchased service = this + contract_fit_per_embeddedness × the provider's embeddedness: a rooted "
            "organisation knows what users want, a distant one delivers what the contract says.",
            "assumption; [S55] purchased services can miss end-user demand",
            [](P& p) -> auto& { return p.purchase.contract_fit_base; })
      .plausible(0.6, 0.85, "between a generic service (0.5) and a matched one (1) [MODEL_BRIEF §3.1]; [S55]")
      .real("contract_fit_per_embeddedness", 0, 1, "fit/embeddedness", "Fit a purchased service gains per unit of embeddedness.",
            "assumption; [Seed] rooted organisations preferred", [](P& p) -> auto& { return p.purchase.contract_fit_per_embeddedness; })
      .plausible(0.1, 0.3, "assumption with no source: ±50%")
      .real("third_party_noise_factor", 0, 1, "multiplier",
            "With third-party assessment (L19) the noise on quality a tender buyer sees is multiplied by this.",
            "assumption; [S21] independent assessment is more reliable",
            [](P& p) -> auto& { return p.purchase.third_party_noise_factor; })
      .plausible(0.25, 0.75, "assumption with no source: 'halves' ±50%")
      .real("margin_low_reserves", 0, 1, "share of cost",
            "Margin over cost an organisation asks when its reserves are empty (a hungry provider prices close to cost).",
            "assumption", [](P& p) -> auto& { return p.purchase.margin_low_reserves; })
      .plausible(0.02, 0.08, "assumption with no source")
      .real("margin_reserve_premium", 0, 1, "share of cost",
            "Margin added as reserves grow to comfortable_reserve_months of costs (5% + 15% = 20% at the default).",
            "assumption", [](P& p) -> auto& { return p.purchase.margin_reserve_premium; })
      .plausible(0.08, 0.2, "assumption with no source: total margins of about 10–28%")
      .real("comfortable_reserve_months", 0.5, 36, "months of costs",
            "Reserves, in months of costs, at which an organisation asks its full margin.", "assumption",
            [](P& p) -> auto& { return p.purchase.comfortable_reserve_months; })
      .plausible(3, 12, "assumption with no source: a quarter to a year of costs")
      .group("Government")
      .role(sim::ParamRole::option)
      .boolean("adaptive_budget",
               "Adaptive budget rule: each fiscal year the district raises the purchase budget by the step when "
               "appraised satisfaction is below the target and lowers it when it is adaptive_dead_band_points (5) or "
               "more above.",
               "MODEL_BRIEF §2.5 (optional rule); assumption", [](P& p) -> auto& { return p.purchase.adaptive_budget; })
      .real("satisfaction_target", 0, 100, "points 0-100", "Appraised satisfaction the adaptive budget rule aims at.",
            "assumption", [](P& p) -> auto& { return p.purchase.satisfaction_target; })
      .real("adaptive_step_share", 0, 1, "share 0-1", "Yearly budget change under the adaptive rule.", "assumption",
            [](P& p) -> auto& { return p.purchase.adaptive_step_share; })
      .real("adaptive_dead_band_points", 0, 50, "points",
            "The adaptive rule cuts the budget only when appraised satisfaction is this far or more above the target.",
            "assumption", [](P& p) -> auto& { return p.purchase.adaptive_dead_band_points; })
      .real("demand_headroom", 0, 10, "× expected demand",
            "Purchase sized to demand (需求评估 before buying): above 0, each catalogue lot buys at most this many times "
            "the expected demand hours of its category in the community, and the rest of the budget stays unspent; 0 "
            "buys hours with the whole budget whatever the demand (the default, as before issue 13).",
            "issue 13; policy design", [](P& p) -> auto& { return p.purchase.demand_headroom; });
}

void add_catalogue(Schema& s) {
  TableBuilder table(s, "catalogue", "Purchase of services");
  for (int k = 0; k < category_count; ++k) {
    const std::string meaning = "How " + std::string(info(k).name_en) + " (" + std::string(info(k).name_zh) +
                                ") is provided: off (left to the community's own staff), direct (直接服务: "
                                "government staff hours bought from the purchase budget), purchase (bought from "
                                "organisations as purchase.mode says), commissioned (委托) or tendered (购买).";
    const std::string name(info(k).key);
    table.choice(name.c_str(), {"off", "direct", "purchase", "commissioned", "tendered"}, meaning.c_str(),
                 "[Seed] 政府购买服务目录; default catalogue assumption",
                 [k](P& p) -> auto& { return p.catalogue.mode[static_cast<std::size_t>(k)]; }, "L3")
        .at_fiscal_year();  // the catalogue in force is revised when a fiscal year opens
  }
}

void add_tiers(Schema& s) {
  TableBuilder table(s, "convenience", "Service tiers");
  for (int k = 0; k < category_count; ++k) {
    const std::string meaning = "Whether " + std::string(info(k).name_en) + " (" + std::string(info(k).name_zh) +
                                ") is in the convenience tier (便民) of 4+4+N: residents pay a fee for each request "
                                "served, which deters some from asking and offsets the public cost.";
    const std::string name(info(k).key);
    table.boolean(name.c_str(), meaning.c_str(),
                  "[Seed] 4+4+N service tiers (基本公共、公益、便民); MODEL_BRIEF L4: the convenience tier from fees",
                  [k](P& p) -> auto& { return p.tiers.convenience[static_cast<std::size_t>(k)]; }, "L4");
  }
  table.role(sim::ParamRole::option)  // what the fee is, is the district's choice
      .real("fee_yuan_per_request", 0, 1000, "CNY/request",
            "Fee a resident pays for each request served in a convenience-tier category.",
            "policy design; value assumption (a 便民 service call of ¥10–50)",
            [](P& p) -> auto& { return p.tiers.fee_yuan_per_request; })
      .group("Service tiers model")
      .role(sim::ParamRole::assumption)
      .real("uptake_loss_per_100_yuan", 0, 5, "share per CNY 100",
            "Share of the needs a resident would bring forward in a convenience-tier category that the fee deters, "
            "per ¥100 of fee (at most all); a deterred need stays hidden, where outreach may still find it.",
            "assumption: price response of service uptake",
            [](P& p) -> auto& { return p.tiers.uptake_loss_per_100_yuan; })
      .plausible(0.1, 0.5, "assumption with no source: a ¥20 fee deters 2–10% of requests")
      .real("low_income_uptake_loss_per_100_yuan", 0, 10, "share per CNY 100",
            "The same for minimum-income households (低保), for whom the fee weighs more.",
            "assumption: price response is larger at low income",
            [](P& p) -> auto& { return p.tiers.low_income_uptake_loss_per_100_yuan; })
      .plausible(0.5, 2, "assumption with no source: two to eight times the others' response (a ¥20 fee deters 10–40%)");
}

void add_organizations(Schema& s) {
  TableBuilder fields(s, "hub_fields", "Three-society linkage");
  for (int k = 0; k < category_count; ++k) {
    const std::string meaning = "Whether the street hub (organizations.hub) federates organisations working in " +
                                std::string(info(k).name_en) + " (" + std::string(info(k).name_zh) +
                                "): a hub federates organisations of the same field (membership by field).";
    const std::string name(info(k).key);
    fields.boolean(name.c_str(), meaning.c_str(), "[Seed] 同类型、同领域或同区域的社会组织; MODEL_BRIEF L11",
                   [k](P& p) -> auto& { return p.organizations.hub_fields[static_cast<std::size_t>(k)]; }, "L11");
  }
  TableBuilder(s, "organizations", "Three-society linkage")
      .boolean("hub",
               "A street social-work development centre (三社联动 hub) that trains its member organisations (those of "
               "the fields it federates, [hub_fields]) and carries part of their overhead.",
               "[Seed]", [](P& p) -> auto& { return p.organizations.hub; }, "L11")
      .real("direct_grant_yuan", 0, 1'000'000, "CNY/year", "Operating grant per organisation per year (直接资助).",
            "[Seed]; value assumption", [](P& p) -> auto& { return p.organizations.direct_grant_yuan; }, "L12")
      .at_fiscal_year()
      .real("award_pool_yuan", 0, 50'000'000, "CNY/year",
            "District pool of awards paid after the fact on rated quality (以奖代补).", "[Seed]; value assumption",
            [](P& p) -> auto& { return p.organizations.award_pool_yuan; }, "L12")
      .at_fiscal_year()
      .real("venture_budget_yuan", 0, 50'000'000, "CNY/year", "District venture-philanthropy fund (公益创投).",
            "[S48, S49]: ¥1–3m/yr assumption", [](P& p) -> auto& { return p.organizations.venture_budget_yuan; }, "L12")
      .at_fiscal_year()
      .real("big_leads_small_share", 0, 0.8, "share 0-1",
            "Share of each lot a professional agency wins that it passes to a small rooted organisation it mentors "
            "(由大带小).", "[Seed]; 0.2 assumption [MODEL_BRIEF L13]",
            [](P& p) -> auto& { return p.organizations.big_leads_small_share; }, "L13")
      .real("subsidy_yuan_per_staff_month", 0, 10'000, "CNY/month",
            "Subsidy per full-time social worker from party service funds.", "[Seed]; value assumption",
            [](P& p) -> auto& { return p.organizations.subsidy_yuan_per_staff_month; }, "L17")
      .group("Organisation model")
      .integer("per_street", 0, 500, "organisations",
               "Social organisations per street at the start, and the street's room for organisations living without the "
               "district's money (fees, donations, volunteers, work elsewhere): when closures leave a kind (agencies, "
               "grassroots groups) short of its share, new ones of that kind are founded (founding_rate).",
               "assumption: 15–25 [MODEL_BRIEF §4]", [](P& p) -> auto& { return p.organizations.per_street; })
      .plausible(15, 25, "MODEL_BRIEF §4: 15–25 per street [A]")
      .real("founding_rate", 0, 12, "per year",
            "Organisations founded per year per missing organisation when a street has fewer of a kind than its "
            "share of per_street (a gap closes in 1/rate years); venture philanthropy founds more on top.",
            "assumption; needed for a settled pre-reform district (docs/model.md)",
            [](P& p) -> auto& { return p.organizations.founding_rate; })
      .plausible(0.2, 2, "assumption: a closed group is replaced within 6 months (2) to 5 years (0.2)")
      .real("core_staff", 0.1, 5, "staff",
            "Paid staff an organisation keeps without contracts (a part-time coordinator working with volunteers); "
            "contracts add staff as they need.",
            "assumption; grassroots groups run on volunteers [S29]", [](P& p) -> auto& { return p.organizations.core_staff; })
      .plausible(0.25, 1, "assumption: a quarter-time coordinator to one full-time member")
      .real("crowding_out", 0, 1, "share 0-1",
            "Share of an organisation's fee and donation income lost per share of its street's demand (in catalogue "
            "categories) that other organisations serve under contract, free to residents: users and donors go to "
            "the contracted provider (winner-take-most).",
            "assumption; MODEL_BRIEF fact 10, [S29] dependence on government money",
            [](P& p) -> auto& { return p.organizations.crowding_out; })
      .plausible(0.3, 1, "assumption: contracted services take between a third and all of the fee-paying users")
      .real("professional_share", 0, 1, "share 0-1", "Share that are professional social-work agencies.",
            "assumption: 20%", [](P& p) -> auto& { return p.organizations.professional_share; })
      .plausible(0.15, 0.3, "MODEL_BRIEF §4: 20% [A]; [S50] Hanjiang: 80 of 477 rated 3A or above")
      .real("mean_staff", 1, 50, "staff", "Mean full-time staff of an organisation.", "assumption",
            [](P& p) -> auto& { return p.organizations.mean_staff; })
      .plausible(2, 6, "assumption with no source: ±50%")
      .real("wage_yuan_per_month", 1000, 30000, "CNY/month", "Monthly wage of an organisation's staff member.",
            "assumption", [](P& p) -> auto& { return p.organizations.wage_yuan_per_month; })
      .plausible(4000, 6500, "assumption: local social-work wages around ¥5,000")
      .real("overhead_share", 0, 2, "share of wages", "Overhead costs as a share of the wage bill.", "assumption",
            [](P& p) -> auto& { return p.organizations.overhead_share; })
      .plausible(0.15, 0.4, "assumption with no source: 15–40% of wages")
      .real("initial_reserve_months", 0, 36, "months of costs", "Cash reserves at the start.", "assumption",
            [](P& p) -> auto& { return p.organizations.initial_reserve_months; })
      .plausible(3, 12, "assumption with no source: a quarter to a year of costs")
      .real("other_income_yuan_per_month", 0, 200'000, "CNY/month",
            "Mean income from fees, donations and CSR per organisation.", "assumption; [S29] dependence",
            [](P& p) -> auto& { return p.organizations.other_income_yuan_per_month; })
      .plausible(2000, 6000, "assumption; [S29] organisations depend on government money: ±50%")
      .integer("months_negative_to_exit", 1, 24, "months", "An organisation closes after this many months in debt.",
               "assumption [MODEL_BRIEF §2.3]", [](P& p) -> auto& { return p.organizations.months_negative_to_exit; })
      .plausible(2, 6, "MODEL_BRIEF §2.3: 3 months [A]")
      .role(sim::ParamRole::option)  // the size of a seed grant is the district's choice (L12)
      .real("venture_grant_yuan", 1000, 1'000'000, "CNY", "Seed grant to one new organisation from the venture fund.",
            "[S49]: ≈ ¥35k; [S45]: up to ¥300k", [](P& p) -> auto& { return p.organizations.venture_grant_yuan; })
      .role(sim::ParamRole::assumption)
      .real("hub_quality_gain_per_quarter", 0, 0.2, "quality/quarter", "Quality gained by hub members each quarter.",
            "assumption [MODEL_BRIEF L11]", [](P& p) -> auto& { return p.organizations.hub_quality_gain_per_quarter; })
      .plausible(0.01, 0.04, "MODEL_BRIEF L11: +0.02 a quarter [A]: half to double")
      .real("hub_overhead_relief", 0, 1, "share 0-1",
            "Share of a member organisation's overhead (office, utilities, bookkeeping) the street's hub carries "
            "in kind: incubation space and shared administration, which lower members' exit hazard.",
            "assumption [MODEL_BRIEF L11: lower entry cost and exit hazard; Seed: the centre incubates grassroots "
            "organisations]",
            [](P& p) -> auto& { return p.organizations.hub_overhead_relief; })
      .plausible(0.25, 0.75, "assumption: incubation bases give free space and shared services, not the staff's pay")
      .real("quality_learning_per_year", 0, 0.2, "quality/year", "Quality gained per year of contract work.",
            "assumption", [](P& p) -> auto& { return p.organizations.quality_learning_per_year; })
      .plausible(0.01, 0.04, "assumption with no source: half to double")
      .real("mentoring_quality_per_quarter", 0, 0.2, "quality/quarter",
            "Quality a mentored small organisation gains each quarter under 由大带小.", "assumption [MODEL_BRIEF L13]",
            [](P& p) -> auto& { return p.organizations.mentoring_quality_per_quarter; })
      .plausible(0.005, 0.02, "assumption with no source: half to double")
      .real("service_hours_per_staff_week", 1, 60, "hours/week",
            "Contract service hours one staff member delivers a week (the rest is travel, records, supervision); sets "
            "an hour's cost and how many staff a contract needs.",
            "assumption", [](P& p) -> auto& { return p.organizations.service_hours_per_staff_week; })
      .plausible(24, 32, "assumption: 60–80% of a 40-hour week")
      .real("max_staff", 1, 200, "staff",
            "Most staff an organisation can field for contracts: it bids only for lots that keep it within this.",
            "assumption", [](P& p) -> auto& { return p.organizations.max_staff; })
      .plausible(6, 18, "assumption with no source: ±50%")
      .real("subsidy_headroom", 1, 5, "multiplier",
            "The subsidy budget (L17) is today's staff × the rate × 12 months × this, leaving room for growth.",
            "assumption", [](P& p) -> auto& { return p.organizations.subsidy_headroom; })
      .plausible(1.2, 2, "assumption with no source")
      .real("initial_quality_professional_min", 0, 1, "quality 0-1",
            "A professional agency's starting quality is uniform from this to this + the width.", "assumption",
            [](P& p) -> auto& { return p.organizations.initial_quality_professional_min; })
      .plausible(0.45, 0.65, "assumption with no source: ±0.1")
      .real("initial_quality_professional_width", 0, 1, "quality 0-1", "Width of a professional agency's starting quality range.",
            "assumption", [](P& p) -> auto& { return p.organizations.initial_quality_professional_width; })
      .plausible(0.15, 0.35, "assumption with no source: ±0.1")
      .real("initial_quality_grassroots_min", 0, 1, "quality 0-1",
            "A grassroots organisation's starting quality is uniform from this to this + the width.", "assumption",
            [](P& p) -> auto& { return p.organizations.initial_quality_grassroots_min; })
      .plausible(0.25, 0.45, "assumption with no source: ±0.1")
      .real("initial_quality_grassroots_width", 0, 1, "quality 0-1", "Width of a grassroots organisation's starting quality range.",
            "assumption", [](P& p) -> auto& { return p.organizations.initial_quality_grassroots_width; })
      .plausible(0.15, 0.35, "assumption with no source: ±0.1")
      .real("initial_embeddedness_professional_min", 0, 1, "embeddedness 0-1",
            "A professional agency's starting embeddedness is uniform from this to this + the width.", "assumption",
            [](P& p) -> auto& { return p.organizations.initial_embeddedness_professional_min; })
      .plausible(0.1, 0.3, "assumption with no source: ±0.1")
      .real("initial_embeddedness_professional_width", 0, 1, "embeddedness 0-1",
            "Width of a professional agency's starting embeddedness range.", "assumption",
            [](P& p) -> auto& { return p.organizations.initial_embeddedness_professional_width; })
      .plausible(0.2, 0.4, "assumption with no source: ±0.1")
      .real("initial_embeddedness_grassroots_min", 0, 1, "embeddedness 0-1",
            "A grassroots organisation's starting embeddedness is uniform from this to this + the width.",
            "assumption [MODEL_BRIEF §2.3: grassroots groups are rooted]",
            [](P& p) -> auto& { return p.organizations.initial_embeddedness_grassroots_min; })
      .plausible(0.4, 0.6, "assumption with no source: ±0.1")
      .real("initial_embeddedness_grassroots_width", 0, 1, "embeddedness 0-1",
            "Width of a grassroots organisation's starting embeddedness range.", "assumption",
            [](P& p) -> auto& { return p.organizations.initial_embeddedness_grassroots_width; })
      .plausible(0.3, 0.5, "assumption with no source: ±0.1")
      .real("staff_factor_professional", 0.1, 10, "multiplier",
            "A professional agency starts with mean_staff × this staff (rounded, at least 1).", "assumption",
            [](P& p) -> auto& { return p.organizations.staff_factor_professional; })
      .plausible(1.2, 2, "assumption: agencies are larger than the mean")
      .real("staff_factor_grassroots", 0.1, 10, "multiplier",
            "A grassroots organisation starts with mean_staff × this staff (rounded, at least 1).", "assumption",
            [](P& p) -> auto& { return p.organizations.staff_factor_grassroots; })
      .plausible(0.4, 0.8, "assumption: grassroots groups are smaller than the mean")
      .integer("initial_age_max_weeks", 1, 5200, "weeks",
               "An organisation's age at the start is uniform from 0 to this (recorded; no mechanism reads it yet).",
               "assumption", [](P& p) -> auto& { return p.organizations.initial_age_max_weeks; })
      .plausible(260, 780, "assumption: most organisations were registered in the last 5–15 years")
      .real("venture_quality_min", 0, 1, "quality 0-1",
            "An organisation founded by venture philanthropy (公益创投) starts with quality uniform from this to this + "
            "the width: young and still weak.",
            "assumption [MODEL_BRIEF §2.3: low q, high e]", [](P& p) -> auto& { return p.organizations.venture_quality_min; })
      .plausible(0.2, 0.4, "assumption with no source: ±0.1")
      .real("venture_quality_width", 0, 1, "quality 0-1", "Width of a new organisation's quality range.", "assumption",
            [](P& p) -> auto& { return p.organizations.venture_quality_width; })
      .plausible(0.1, 0.25, "assumption with no source")
      .real("venture_embeddedness_min", 0, 1, "embeddedness 0-1",
            "A new organisation's embeddedness is uniform from this to this + the width: deeply rooted.",
            "assumption [MODEL_BRIEF §2.3]", [](P& p) -> auto& { return p.organizations.venture_embeddedness_min; })
      .plausible(0.6, 0.8, "assumption with no source: ±0.1")
      .real("venture_embeddedness_width", 0, 1, "embeddedness 0-1", "Width of a new organisation's embeddedness range.",
            "assumption", [](P& p) -> auto& { return p.organizations.venture_embeddedness_width; })
      .plausible(0.1, 0.3, "assumption with no source: ±0.1")
      .real("income_base_factor", 0, 5, "multiplier",
            "An organisation's other income is other_income_yuan_per_month × (this + its embeddedness): rooted "
            "organisations raise more locally.",
            "assumption; [S29]", [](P& p) -> auto& { return p.organizations.income_base_factor; })
      .plausible(0.25, 1, "assumption with no source: half to double")
      .real("income_spread_sd", 0, 2, "log-sd",
            "Spread of other income between organisations: a mean-one lognormal factor with this log-sd.",
            "assumption", [](P& p) -> auto& { return p.organizations.income_spread_sd; })
      .plausible(0.15, 0.6, "assumption with no source: half to double")
      .real("income_noise_sd", 0, 2, "log-sd",
            "Month-to-month variation of an organisation's other income: a mean-one lognormal factor with this log-sd.",
            "assumption", [](P& p) -> auto& { return p.organizations.income_noise_sd; })
      .plausible(0.1, 0.4, "assumption with no source: half to double")
      .group("Three-society linkage")
      .role(sim::ParamRole::option)  // how the district pays awards (以奖代补, L12) is its choice
      .real("award_quality_threshold", 0, 1, "quality 0-1",
            "The award pool is shared among contract holders in proportion to their quality above this.",
            "policy design; value assumption", [](P& p) -> auto& { return p.organizations.award_quality_threshold; });
}

void add_enterprises(Schema& s) {
  TableBuilder(s, "enterprises", "Co-building")
      .boolean("governance_council", "Community governance council (社区治理事务会) with property companies and units.",
               "[Seed]", [](P& p) -> auto& { return p.enterprises.governance_council; }, "L20")
      .boolean("party_pairing", "Party organisations of resident units pair with the community (共驻共建).", "[Seed]",
               [](P& p) -> auto& { return p.enterprises.party_pairing; }, "L21")
      .group("Enterprise model")
      .real("property_quality_mean", 0, 1, "quality 0-1", "Mean service quality of property companies.",
            "assumption", [](P& p) -> auto& { return p.enterprises.property_quality_mean; })
      .plausible(0.45, 0.65, "assumption with no source: ±0.1")
      .real("property_hours_per_1k_residents", 0, 100, "hours/week",
            "Property-company service hours per 1,000 residents per week.", "assumption",
            [](P& p) -> auto& { return p.enterprises.property_hours_per_1k_residents; })
      .plausible(6, 12, "assumption with no source: ±one third")
      .real("council_responsiveness_gain", 0, 1, "share 0-1",
            "Extra property-company hours and quality where the council meets.", "assumption",
            [](P& p) -> auto& { return p.enterprises.council_responsiveness_gain; })
      .plausible(0.05, 0.25, "assumption with no source: ±0.1")
      .integer("resident_units_per_community", 0, 50, "units", "Resident units (驻区单位) per community.",
               "assumption", [](P& p) -> auto& { return p.enterprises.resident_units_per_community; })
      .plausible(2, 5, "assumption with no source")
      .real("facility_hours_per_week", 0, 200, "hours/week", "Facility hours a unit adds to culture and sports when open.",
            "assumption", [](P& p) -> auto& { return p.enterprises.facility_hours_per_week; })
      .plausible(15, 35, "assumption with no source: ±10 h")
      .real("open_logit_base", -10, 10, "logit", "a0: log-odds that a unit opens its facilities in a month.",
            "assumption [MODEL_BRIEF §2.4]", [](P& p) -> auto& { return p.enterprises.open_logit_base; })
      .plausible(-2.5, -0.5, "MODEL_BRIEF §2.4 a0 [A]: ±1 log-odds (a monthly chance of 8% to 38%)")
      .real("open_logit_council", 0, 5, "logit", "a2: extra log-odds where the council meets.", "assumption",
            [](P& p) -> auto& { return p.enterprises.open_logit_council; })
      .plausible(0.5, 1.5, "MODEL_BRIEF §2.4 a2 [A]: ±50%")
      .real("open_logit_pairing", 0, 5, "logit", "a3: extra log-odds with party pairing.", "assumption",
            [](P& p) -> auto& { return p.enterprises.open_logit_pairing; })
      .plausible(0.6, 1.8, "MODEL_BRIEF §2.4 a3 [A]: ±50%")
      .real("csr_logit_sd", 0, 5, "logit",
            "Spread between resident units of their public spirit (CSR), added to the log-odds of opening.",
            "assumption [MODEL_BRIEF §2.4: a1·CSR]", [](P& p) -> auto& { return p.enterprises.csr_logit_sd; })
      .plausible(0.35, 1.05, "assumption with no source: ±50%")
      .real("property_quality_sd", 0, 0.5, "quality 0-1", "Spread of property companies' quality around the mean.",
            "assumption", [](P& p) -> auto& { return p.enterprises.property_quality_sd; })
      .plausible(0.05, 0.15, "assumption with no source: ±50%")
      .real("council_quality_share", 0, 2, "quality/hours share",
            "Where the council meets, property quality rises by this × the council's gain in hours.", "assumption",
            [](P& p) -> auto& { return p.enterprises.council_quality_share; })
      .plausible(0.25, 1, "assumption with no source: half to double")
      .real("council_quality_rate_per_month", 0, 1, "share/month",
            "Each month the council meets (L20), every property company of the community closes this share of the "
            "gap between its service quality and the best any provider reaches (services.max_provider_quality), "
            "scaled by party coordination (L5): the council raises property-company responsiveness for good.",
            "assumption [MODEL_BRIEF L20, §2.4]", [](P& p) -> auto& { return p.enterprises.council_quality_rate_per_month; })
      .plausible(0.003, 0.03, "assumption with no source: a third to three times 0.01 (about a fifth of the gap in two years)")
      .real("council_escalation_rate", 0, 1, "share/month per complaint per 1,000",
            "Where the council meets (L20), residents' complaints escalate to the property companies through it: each "
            "complaint per 1,000 residents of the community in the month closes this further share of the quality gap.",
            "assumption [MODEL_BRIEF §2.4: responsiveness rises when the council is on and complaints escalate]",
            [](P& p) -> auto& { return p.enterprises.council_escalation_rate; })
      .plausible(0, 0.006, "assumption with no source: none to three times the default")
      .real("property_fit", 0, 1, "fit 0-1", "Fit of property services to what residents need.",
            "assumption [MODEL_BRIEF §3.1]", [](P& p) -> auto& { return p.enterprises.property_fit; })
      .plausible(0.8, 1, "assumption: a property company does what residents ask, mostly")
      .real("facility_quality", 0, 1, "quality 0-1", "Quality of an opened facility hour: decent, not professional.",
            "assumption", [](P& p) -> auto& { return p.enterprises.facility_quality; })
      .plausible(0.5, 0.85, "assumption with no source")
      .real("facility_fit", 0, 1, "fit 0-1", "Fit of opened facilities to residents' culture and sports needs.",
            "assumption [MODEL_BRIEF §3.1]", [](P& p) -> auto& { return p.enterprises.facility_fit; })
      .plausible(0.8, 1, "assumption: residents who want sport get sport");
}

void add_coordination(Schema& s) {
  TableBuilder(s, "coordination", "Collaborative governance")
      .real("party_coordination", 0, 1, "index 0-1",
            "c: how well the community party organisation coordinates the actors (一核多元); scales the effects "
            "of the governance council and of party pairing (c = reference_coordination, 0.8, gives their stated "
            "effects).",
            "[Seed]; 0.5–0.9 assumption [MODEL_BRIEF L5]",
            [](P& p) -> auto& { return p.coordination.party_coordination; }, "L5")
      .group("Collaborative governance model")
      .real("reference_coordination", 0.05, 1, "index 0-1",
            "Coordination at which the council's and party pairing's parameters give their stated effects; the "
            "effects scale with party_coordination / this.",
            "assumption [MODEL_BRIEF L5: c 0.5–0.9]", [](P& p) -> auto& { return p.coordination.reference_coordination; })
      .plausible(0.7, 0.9, "MODEL_BRIEF L5: c 0.5–0.9; the effects were stated for a reformed community");
}

}  // namespace shanzhi::gov::schema
