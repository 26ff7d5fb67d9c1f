// Stylised facts of MODEL_BRIEF §5 about opinion and voice: hedonic adaptation (6), word-of-mouth
// clustering (7), participation building trust (11), facility sharing (12) and third-party
// assessment (14). Same small pre-reform district, seeds and replicates as the other fact files
// (tests/support/fact_checks.hpp); facts whose measure is not a recorded metric look inside the model
// each week with the same runs (tests/support/weekly_probe.hpp).

#include "tests/support/fact_checks.hpp"
#include "tests/support/weekly_probe.hpp"
#include "sim/random.hpp"
#include "models/governance/state/category_reversion.hpp"
#include "models/governance/phases/satisfaction.hpp"

#include <algorithm>
#include <numeric>

using namespace shanzhi;
using namespace shanzhi::gov;
using namespace shanzhi::test::facts;

namespace {

using sim::experiments::mean_with_interval;

/// Mean predictive expectation E over residents and service categories.
double mean_expectation(const ModelState& s) {
  const auto& e = s.residents.expectation;
  return std::accumulate(e.begin(), e.end(), 0.0) / static_cast<double>(e.size());
}

/// This week's service encounters (transaction-specific satisfaction, what a survey of recent
/// users measures, rather than the overall satisfaction residents carry): their mean satisfaction,
/// and the mean satisfaction the same encounters would have given had expectations and normative
/// floors stayed where they were at the first call (the step). The gap is what adaptation took.
struct EncounterMeans {
  double satisfaction = 0;
  double with_expectations_at_step = 0;
};

/// Measures EncounterMeans each week. A resident met a service (or an unmet need expired) this
/// week when their last encounter's performance or disconfirmation changed; satisfaction with it
/// is recomputed from that performance and the expectation and normative floor held before it
/// (last week's state: word of mouth moves expectations only after delivery). The first call
/// only remembers the state and returns zeros.
class EncounterSatisfaction {
 public:
  EncounterMeans operator()(const ModelState& s) {
    const auto& r = s.residents;
    double actual = 0, frozen = 0;
    std::size_t count = 0;
    if (performance_.empty()) {
      step_expectation_ = r.expectation;
      step_normative_ = r.normative;
    } else {
      for (std::size_t i = 0; i < r.size(); ++i) {
        if (r.last_performance[i] == performance_[i] && r.last_disconfirmation[i] == disconfirmation_[i]) continue;
        const std::size_t k = i * category_count + r.last_category[i];
        const float p = r.last_performance[i];
        actual += encounter_satisfaction(s.params.satisfaction, p, expectation_[k], normative_[k]);
        frozen += encounter_satisfaction(s.params.satisfaction, p, step_expectation_[k], step_normative_[k]);
        ++count;
      }
    }
    performance_ = r.last_performance;
    disconfirmation_ = r.last_disconfirmation;
    expectation_ = r.expectation;
    normative_ = r.normative;
    if (count == 0) return {};
    return {actual / static_cast<double>(count), frozen / static_cast<double>(count)};
  }

 private:
  std::vector<float> performance_, disconfirmation_, expectation_, normative_;
  std::vector<float> step_expectation_, step_normative_;
};

/// Mean culture-and-sports satisfaction S_k over every resident (users and not).
double mean_culture_satisfaction(const ModelState& s) {
  const auto k = static_cast<std::size_t>(index(Category::culture));
  double sum = 0;
  // Category values are stored lazily (category_reversion.hpp): read each as of the last week run.
  for (std::uint32_t i = 0; i < s.residents.size(); ++i)
    sum += category_satisfaction_at(s.residents, s.reversion, i, static_cast<int>(k), s.week - 1);
  return sum / static_cast<double>(s.residents.size());
}

/// Share of the within-community variance of satisfaction that lies between buildings (an
/// intra-class correlation): 0 when buildings do not differ, 1 when each building agrees inside.
double between_building_share(const ModelState& s, const std::vector<float>& satisfaction) {
  double between = 0, total = 0;
  for (const auto& c : s.layout.communities) {
    double community_mean = 0;
    for (std::uint32_t i = c.first_resident; i < c.end_resident(); ++i) community_mean += satisfaction[i];
    community_mean /= c.resident_count;
    for (std::uint32_t start = c.first_resident; start < c.end_resident(); start += s.layout.residents_per_building) {
      const std::uint32_t size = s.layout.building_size(c, start);
      double building_mean = 0;
      for (std::uint32_t i = start; i < start + size; ++i) {
        building_mean += satisfaction[i];
        total += (satisfaction[i] - community_mean) * (satisfaction[i] - community_mean);
      }
      building_mean /= size;
      between += size * (building_mean - community_mean) * (building_mean - community_mean);
    }
  }
  return total > 0 ? between / total : 0.0;
}

/// The same satisfaction with residents relabelled at random inside their community (a seeded
/// Fisher–Yates shuffle): what the share would be if buildings did not matter.
std::vector<float> shuffled_within_communities(const ModelState& s, std::uint64_t seed) {
  auto shuffled = s.residents.satisfaction;
  constexpr sim::Purpose relabel = 1000;  // test-only stream, no model purpose uses it
  for (std::size_t n = 0; n < s.layout.communities.size(); ++n) {
    const auto& c = s.layout.communities[n];
    sim::RandomStream rng(seed, static_cast<std::uint32_t>(n), 0, relabel);
    for (std::uint32_t k = c.resident_count - 1; k > 0; --k)
      std::swap(shuffled[c.first_resident + k], shuffled[c.first_resident + rng.below(k + 1)]);
  }
  return shuffled;
}

/// Between-building share at the end of a run: as simulated, and after random relabelling.
struct Clustering {
  double observed = 0;
  double relabelled = 0;
};

Clustering clustering_at_end(const GovernanceParameters& p, std::uint64_t seed) {
  Clustering result;
  run_with_probe(p, seed, [&](const ModelState& s, int week) {
    if (week != p.run.weeks) return;
    result.observed = between_building_share(s, s.residents.satisfaction);
    result.relabelled = between_building_share(s, shuffled_within_communities(s, seed));
  });
  return result;
}

}  // namespace

TEST_CASE("Fact 6: a sustained improvement raises expectations as well as users' satisfaction",
          "[validation]") {
  // The step: general-practice workers (全科社工) everywhere from the end of burn-in (recorded
  // week 0) on, which shortens waits for good (fact 9). Its performance gain builds up for a year
  // or more as queues and workers settle, so a plain early-minus-late comparison mixes adaptation
  // with that ramp. Instead, the users' satisfaction gain in the last half of year two is set
  // against the gain the same encounters would have given with expectations and norms still at
  // their level at the step (the bump, had nothing adapted). Gains are policy − baseline,
  // paired by seed; the baseline's own drift in expectations cancels.
  const auto base = baseline_with();
  const auto better = baseline_with({"admin.general_practice_share=1"});
  // Knockout: expectations that do not adapt. Nothing moves them: no learning from encounters
  // (η = 0, set on the parameters directly: the schema's floor is 0.05, since a scenario with
  // frozen expectations is not plausible), nothing heard quarterly (η_I = 0) or from neighbours
  // (μ_E = 0).
  const auto frozen = [](const std::vector<std::string>& settings) {
    auto all = settings;
    all.insert(all.end(), {"satisfaction.information_rate=0", "word_of_mouth.expectation_influence=0"});
    auto p = baseline_with(all);
    p.satisfaction.expectation_learning_rate = 0;
    return p;
  };
  const auto base_frozen = frozen({});
  const auto better_frozen = frozen({"admin.general_practice_share=1"});
  constexpr std::size_t late_from = 79, late_to = 104;
  std::vector<double> expectation_rise, faded, late_gain, expectation_rise_frozen, late_gain_frozen;
  for (std::size_t r = 0; r < replicates; ++r) {
    const auto seed = replicate_seed(r);
    struct Series {
      std::vector<double> satisfaction, unadapted, expectation;
    } b, p;
    const auto probe = [](Series& out) {
      return [&out, measure = EncounterSatisfaction{}](const ModelState& s, int) mutable {
        const auto encounters = measure(s);
        out.satisfaction.push_back(encounters.satisfaction);
        out.unadapted.push_back(encounters.with_expectations_at_step);
        out.expectation.push_back(mean_expectation(s));
      };
    };
    run_with_probe(base, seed, probe(b));
    run_with_probe(better, seed, probe(p));
    const auto late = [&](const std::vector<double>& policy, const std::vector<double>& baseline) {
      return window_mean(policy, late_from, late_to) - window_mean(baseline, late_from, late_to);
    };
    expectation_rise.push_back(late(p.expectation, b.expectation) - (p.expectation[0] - b.expectation[0]));
    late_gain.push_back(late(p.satisfaction, b.satisfaction));
    faded.push_back(late(p.unadapted, b.unadapted) - late_gain.back());
    Series bf, pf;
    run_with_probe(base_frozen, seed, probe(bf));
    run_with_probe(better_frozen, seed, probe(pf));
    expectation_rise_frozen.push_back(late(pf.expectation, bf.expectation) - (pf.expectation[0] - bf.expectation[0]));
    late_gain_frozen.push_back(late(pf.satisfaction, bf.satisfaction));
  }
  require_positive("6 全科社工 step", "mean expectation gain in weeks 79–104 over week 0", expectation_rise);
  require_positive("6 全科社工 step", "users' satisfaction gain in weeks 79–104", late_gain);
  // What adaptation took is reported, not asserted: its sign depends on the satisfaction
  // equation's balance between expectations' direct (assimilation) effect and disconfirmation and
  // on the mix of encounters, and it changed sign (+0.20 → −0.46) when the pre-reform baseline
  // lost seven reform levers it had wrongly inherited, and again (+2.15) with later model changes
  // (docs/validation.md, fact 6).
  report_values("6 全科社工 step",
                "users' satisfaction gain in weeks 79–104 at expectations of the step − actual gain (not asserted)",
                faded);
  // With expectations frozen the step still pleases its users, but expectations do not rise.
  report_values("6 knockout: expectations frozen", "users' satisfaction gain in weeks 79–104 (not asserted)",
                late_gain_frozen);
  report_values("6 knockout: expectations frozen", "mean expectation gain in weeks 79–104 over week 0",
                expectation_rise_frozen);
  const auto rise = mean_with_interval(expectation_rise);
  const auto rise_frozen = mean_with_interval(expectation_rise_frozen);
  INFO("expectation rise " << rise.mean << " ± " << rise.half_width << " adapting, " << rise_frozen.mean << " ± "
                           << rise_frozen.half_width << " frozen");
  CHECK(std::fabs(rise_frozen.mean) + rise_frozen.half_width < 0.05 * std::fabs(rise.mean));
}

TEST_CASE("Fact 7: dissatisfaction clusters by building through word of mouth", "[validation]") {
  // Satisfaction clusters by building even without talk: a building's residents share their
  // compound's property company and their community's services, so a statistic against random
  // relabelling passes with word of mouth off (reported for both arms, not asserted). The
  // control that has the same shared exposures is the same run without talk (same seed, μ = μ_E
  // = 0): the fact asserted is the clustering that talk adds to it, which is exactly zero without
  // talk. Knockout of its locality: with every tie rewired to a random resident of the community
  // (rewiring probability 1, and no leaders' extra ties, which reach across their resident group),
  // talk is no longer local to the building. It then adds a little clustering still (probably
  // because the statistic is a share: talk of any kind narrows residents' differences inside a
  // building, while the differences between buildings that shared exposures create stay), but far
  // less than talk among neighbours. Without talk the network is never consulted, so the quiet run serves both
  // networks.
  const std::vector<std::string> one_year{"run.weeks=52"};
  auto silent = one_year;  // nobody's opinion moves anybody else's
  silent.insert(silent.end(), {"word_of_mouth.influence=0", "word_of_mouth.expectation_influence=0"});
  auto unlocal = one_year;  // talk as usual, to anyone in the community
  unlocal.insert(unlocal.end(), {"word_of_mouth.rewiring_probability=1", "word_of_mouth.leader_degree_factor=1"});
  std::vector<double> above_random, quiet_above_random, from_talk, from_unlocal_talk, local_minus_unlocal;
  for (std::size_t r = 0; r < replicates; ++r) {
    const auto seed = replicate_seed(r);
    const auto talking = clustering_at_end(baseline_with(one_year), seed);
    const auto quiet = clustering_at_end(baseline_with(silent), seed);
    const auto scattered = clustering_at_end(baseline_with(unlocal), seed);
    above_random.push_back(talking.observed - talking.relabelled);
    quiet_above_random.push_back(quiet.observed - quiet.relabelled);
    from_talk.push_back(talking.observed - quiet.observed);
    from_unlocal_talk.push_back(scattered.observed - quiet.observed);
    local_minus_unlocal.push_back(talking.observed - scattered.observed);
  }
  report_values("7 word of mouth", "between-building share of S − same after random relabelling (not asserted)",
                above_random);
  report_values("7 no word of mouth", "between-building share of S − same after random relabelling (not asserted)",
                quiet_above_random);
  require_positive("7 word of mouth", "between-building share of S: talk − no talk", from_talk);
  // Knockout: talk through community-wide ties adds under half as much clustering, and building
  // ties add more than community-wide ones, paired by seed.
  const auto local_effect = mean_with_interval(from_talk);
  const auto unlocal_effect = mean_with_interval(from_unlocal_talk);
  report_interval("7 knockout: community-wide ties (p = 1, no leader ties)",
                  "between-building share of S: talk − no talk", unlocal_effect);
  INFO("clustering talk adds: " << local_effect.mean << " ± " << local_effect.half_width << " through building ties, "
                                << unlocal_effect.mean << " ± " << unlocal_effect.half_width
                                << " through community-wide ties");
  CHECK(unlocal_effect.mean + unlocal_effect.half_width < 0.5 * (local_effect.mean - local_effect.half_width));
  require_positive("7 word of mouth", "between-building share of S: building ties − community-wide ties",
                   local_minus_unlocal);
}

TEST_CASE("Fact 7: talk spreads a drop in service quality", "[validation]") {
  // Equal shocks to property-service quality (±0.15, as fact 5), with and without word of mouth.
  // The part of each shock's effect that talk adds is (effect with talk) − (effect without).
  // Asserted: talk deepens the drop. Reported, not asserted: whether it deepens a drop more than
  // it lifts an equal rise (the brief's "spreads faster"); see docs/validation.md.
  const auto shocks = [](std::vector<std::string> world) {
    const auto with = [&](const char* quality) {
      auto settings = world;
      settings.push_back(std::string("enterprises.property_quality_mean=") + quality);
      return baseline_with(settings);
    };
    return compare_scenarios(with("0.55"), {with("0.40"), with("0.70")}, replicates, master_seed);
  };
  const auto talking = shocks({"run.weeks=52"});
  const auto quiet = shocks({"run.weeks=52", "word_of_mouth.influence=0", "word_of_mouth.expectation_influence=0"});
  const auto talk_part = [&](std::size_t shock, std::size_t r) {
    const auto& t = metric(talking[shock], "satisfaction_mean");
    const auto& q = metric(quiet[shock], "satisfaction_mean");
    return (t.policy[r] - t.baseline[r]) - (q.policy[r] - q.baseline[r]);
  };
  std::vector<double> down_spread, up_spread, asymmetry;
  for (std::size_t r = 0; r < replicates; ++r) {
    down_spread.push_back(-talk_part(0, r));
    up_spread.push_back(talk_part(1, r));
    asymmetry.push_back(-talk_part(0, r) - talk_part(1, r));
  }
  require_positive("7 word of mouth", "extra loss talk adds to a −0.15 quality shock", down_spread);
  report_values("7 word of mouth", "extra gain talk adds to a +0.15 quality shock (not asserted)", up_spread);
  report_values("7 word of mouth", "extra loss on the drop − extra gain on the rise (not asserted)", asymmetry);
}

TEST_CASE("Fact 11: participation builds trust and belonging at nearly equal service levels", "[validation]") {
  // Both sides run the same two community projects a year, so the money they add is the same;
  // the policy adds the five deliberation steps (五议), the two evaluations (两评)
  // and support for resident group leaders.
  const auto projects = std::vector<std::string>{"participation.projects_per_year=2"};
  auto participatory = projects;
  participatory.insert(participatory.end(), {"participation.deliberation_platform=true",
                                             "participation.two_evaluations=true",
                                             "participation.group_leader_support=true"});
  const auto c = compare_scenarios(baseline_with(projects), baseline_with(participatory), replicates, master_seed);
  require_effect("11 participation", c, "trust_community_mean", +1);
  require_effect("11 participation", c, "belonging_mean", +1);
  require_effect("11 participation", c, "meeting_attendance", +1);
  // Knockout: taking part builds no trust (θ_p = 0: no trust per meeting attended; belonging
  // premium 0: trust settles at satisfaction whatever the belonging). Residents still come to
  // more meetings and feel they belong more, but trust no longer rises.
  const std::vector<std::string> no_trust_from_taking_part{"trust.participation_gain=0", "trust.belonging_premium=0"};
  const auto with_more = [](std::vector<std::string> base, const std::vector<std::string>& more) {
    base.insert(base.end(), more.begin(), more.end());
    return baseline_with(base);
  };
  const auto knockout = compare_scenarios(with_more(projects, no_trust_from_taking_part),
                                          with_more(participatory, no_trust_from_taking_part), replicates, master_seed);
  require_effect("11 knockout: no trust from taking part", knockout, "meeting_attendance", +1);
  require_effect("11 knockout: no trust from taking part", knockout, "belonging_mean", +1);
  const auto& trust_ko = metric(knockout, "trust_community_mean");
  report("11 knockout: no trust from taking part", trust_ko);
  const auto& trust_effect = metric(c, "trust_community_mean").difference;
  INFO("trust gain " << trust_effect.mean << " ± " << trust_effect.half_width << "; without the channel "
                     << trust_ko.difference.mean << " ± " << trust_ko.difference.half_width);
  CHECK(trust_ko.difference.mean - trust_ko.difference.half_width <= 0);
  CHECK(trust_ko.difference.mean + trust_ko.difference.half_width >= 0);
  CHECK(trust_ko.difference.mean + trust_ko.difference.half_width < trust_effect.mean - trust_effect.half_width);
  // At nearly equal service levels: trust rises by more than satisfaction with services does (it
  // does not rise through better services).
  std::vector<double> trust_beyond_service;
  const auto& trust = metric(c, "trust_community_mean");
  const auto& satisfaction = metric(c, "satisfaction_mean");
  report("11 participation", satisfaction);
  for (std::size_t r = 0; r < replicates; ++r)
    trust_beyond_service.push_back((trust.policy[r] - trust.baseline[r]) -
                                   (satisfaction.policy[r] - satisfaction.baseline[r]));
  require_positive("11 participation", "trust gain − satisfaction gain", trust_beyond_service);
  // A minority activity: attendances in the last year per resident stay below one half, so the
  // share of residents who attended at all (at most that) does too.
  std::vector<double> attendances_per_resident;
  const auto& attendance = metric(c, "meeting_attendance");
  const auto& residents = metric(c, "residents");
  for (std::size_t r = 0; r < replicates; ++r)
    attendances_per_resident.push_back(attendance.policy[r] * sim::experiments::summary_weeks / residents.policy[r]);
  const auto a = mean_with_interval(attendances_per_resident);
  report_values("11 participation", "meeting attendances a year per resident (policy level)", attendances_per_resident);
  INFO("attendances a year per resident: " << a.mean << " ± " << a.half_width);
  REQUIRE(a.mean + a.half_width < 0.5);
}

TEST_CASE("Fact 12: facility sharing raises culture and sports satisfaction with diminishing returns",
          "[validation]") {
  // Every resident unit keeps its facilities open (logit +10) or shut (−10); the hours each open
  // unit adds step up. Culture satisfaction is the mean over all residents in the one recorded
  // year (the keys are not levers, so facilities are open through burn-in too).
  const auto shut = baseline_with({"run.weeks=52", "enterprises.open_logit_base=-10"});
  const std::vector<int> hours{1, 2, 8};
  std::vector<std::vector<double>> gain(hours.size());  // [level][replicate], paired with `shut`
  std::vector<double> culture_shut, gain_no_hours;
  for (std::size_t r = 0; r < replicates; ++r) {
    const auto seed = replicate_seed(r);
    const auto last_year = [&](const GovernanceParameters& p) {
      const auto series = weekly_series(p, seed, mean_culture_satisfaction);
      return window_mean(series, series.size() - sim::experiments::summary_weeks, series.size() - 1);
    };
    const double base = last_year(shut);
    for (std::size_t h = 0; h < hours.size(); ++h)
      gain[h].push_back(last_year(baseline_with({"run.weeks=52", "enterprises.open_logit_base=10",
                                                  "enterprises.facility_hours_per_week=" + std::to_string(hours[h])})) -
                        base);
    // Knockout: units open as often but add no hours to culture and sports.
    gain_no_hours.push_back(
        last_year(baseline_with({"run.weeks=52", "enterprises.open_logit_base=10", "enterprises.facility_hours_per_week=0"})) -
        base);
  }
  for (std::size_t h = 0; h < hours.size(); ++h)
    require_positive("12 facilities " + std::to_string(hours[h]) + " h/unit", "culture satisfaction gain", gain[h]);
  // Culture needs on this district are met by about 15 opened hours a week per community (3
  // units × 5 h), so the steps are small. In line with capacity: doubling the hours adds more;
  // saturating at need: the gain per hour of the first step (0 → 1) exceeds that of the last (2 → 8).
  std::vector<double> more, slope_drop;
  for (std::size_t r = 0; r < replicates; ++r) {
    more.push_back(gain[1][r] - gain[0][r]);
    slope_drop.push_back(gain[0][r] / 1.0 - (gain[2][r] - gain[1][r]) / 6.0);
  }
  require_positive("12 facilities", "gain at 2 h − gain at 1 h", more);
  require_positive("12 facilities", "gain per hour 0→1 − gain per hour 2→8", slope_drop);
  // Knockout: opening without facility hours. Whatever else opening touches, satisfaction rises
  // only through the hours opened units add to culture and sports.
  report_values("12 knockout: open, 0 h/unit", "culture satisfaction gain", gain_no_hours);
  const auto first = mean_with_interval(gain[0]);
  const auto none = mean_with_interval(gain_no_hours);
  INFO("culture satisfaction gain " << first.mean << " ± " << first.half_width << " at 1 h a unit, " << none.mean
                                    << " ± " << none.half_width << " at 0 h");
  CHECK(std::fabs(none.mean) + none.half_width < 0.05 * first.mean);
}

TEST_CASE("Fact 14: third-party assessment is more credible and so builds trust", "[validation]") {
  // Self-run appraisal adds its bias to the surveyed score by construction (appraisal.self_run_bias),
  // so the change in appraisal_bias is reported, not asserted. The fact asserted is its
  // consequence: each quarter's result is published, residents whose experience falls well short
  // of it take it for whitewashing and lose trust in the community (appraisal.whitewash_trust_loss),
  // and an inflated figure lies beyond more residents' experience than an unbiased one.
  const auto c = compare_scenarios(baseline_with(), baseline_with({"appraisal.third_party=true"}), replicates,
                                   master_seed);
  const auto& bias = metric(c, "appraisal_bias");
  report_values("14 self-run appraisal", "appraisal_bias (baseline level; not asserted)", bias.baseline);
  report("14 third-party assessment (not asserted)", bias);
  require_effect("14 third-party assessment", c, "trust_community_mean", +1);
  // Knockout: residents who do not weigh published results against their experience
  // (whitewash_trust_loss = 0) gain no trust from an unbiased assessment.
  const std::vector<std::string> unheeded{"appraisal.whitewash_trust_loss=0"};
  const auto knockout = compare_scenarios(baseline_with(unheeded),
                                          baseline_with({"appraisal.whitewash_trust_loss=0", "appraisal.third_party=true"}),
                                          replicates, master_seed);
  const auto& trust = metric(c, "trust_community_mean").difference;
  const auto& trust_ko = metric(knockout, "trust_community_mean");
  report("14 knockout: published results not weighed", trust_ko);
  INFO("trust gain " << trust.mean << " ± " << trust.half_width << "; without the credibility channel "
                     << trust_ko.difference.mean << " ± " << trust_ko.difference.half_width);
  CHECK(trust_ko.difference.mean - trust_ko.difference.half_width <= 0);
  CHECK(trust_ko.difference.mean + trust_ko.difference.half_width >= 0);
  CHECK(trust_ko.difference.mean + trust_ko.difference.half_width < trust.mean - trust.half_width);
}
