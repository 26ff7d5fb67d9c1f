#include "cli/assumption_outputs.hpp"

#include "sim/output/csv.hpp"
#include "sim/output/run_outputs.hpp"

namespace shanzhi::cli {
namespace {

namespace ex = sim::experiments;
using sim::format_number;

const std::vector<std::string> quantile_columns{"median", "q10", "q90", "q2.5", "q97.5"};

std::vector<std::string> quantile_fields(const ex::Spread& s) {
  return {format_number(s.median), format_number(s.q10), format_number(s.q90), format_number(s.q2_5),
          format_number(s.q97_5)};
}

/// A sampled value as CSV text: numbers in shortest round-trip form.
std::string value_text(const sim::ParamValue& value) {
  if (const auto* real = std::get_if<double>(&value)) return format_number(*real);
  return sim::format_value(value);
}

std::vector<std::string> with(std::vector<std::string> fields, const std::vector<std::string>& more) {
  fields.insert(fields.end(), more.begin(), more.end());
  return fields;
}

std::string district_name(const AssumptionResults& r) {
  return r.setup.district == gov::AssumptionDistrict::small ? "small" : "scenario";
}

std::string assumptions_csv(const AssumptionResults& r, const std::vector<gov::Comparison>& comparisons,
                            const std::vector<std::string>& names) {
  std::string out;
  sim::append_csv_line(out, with({"policy", "metric", "unit", "direction", "statistic", "effect", "effect_low",
                                  "effect_high", "replicates"},
                                 with(quantile_columns, {"p_sign", "draws", "replicates_per_draw", "assumption_district"})));
  for (std::size_t p = 0; p < comparisons.size(); ++p)
    for (std::size_t m = 0; m < comparisons[p].metrics.size(); ++m) {
      const auto& main = comparisons[p].metrics[m];
      const auto& d = main.difference;
      const auto& e = r.draws.spreads[p].metrics[m];
      sim::append_csv_line(
          out, with({sim::csv_field(names[p]), sim::csv_field(main.metric.name), sim::csv_field(main.metric.unit),
                     std::string(sim::to_string(main.metric.direction)), sim::csv_field(main.statistic), format_number(d.mean), format_number(d.mean - d.half_width),
                     format_number(d.mean + d.half_width), std::to_string(d.n)},
                    with(quantile_fields(e.spread),
                         {format_number(e.share_with_sign_of(d.mean)), std::to_string(e.spread.values),
                          std::to_string(r.draws.replicates_per_draw), district_name(r)})));
    }
  return out;
}

std::string draws_csv(const AssumptionResults& r, const std::vector<std::string>& names) {
  std::vector<std::string> header{"draw", "status", "error"};
  for (const auto& f : r.setup.factors) header.push_back(f.key);
  header.push_back("policy");
  for (const auto& m : r.draws.metrics) header.push_back(m.name);
  std::string out;
  sim::append_csv_line(out, header);
  for (std::size_t d = 0; d < r.draws.draws.size(); ++d) {
    const auto& draw = r.draws.draws[d];
    std::vector<std::string> start{std::to_string(d), draw.ok() ? "ok" : "failed", draw.error};
    for (const auto& [key, value] : draw.settings) start.push_back(value_text(value));
    for (std::size_t p = 0; p < names.size(); ++p) {
      auto row = with(start, {names[p]});
      for (std::size_t m = 0; m < r.draws.metrics.size(); ++m)
        row.push_back(draw.ok() ? format_number(draw.effects[p][m]) : std::string());
      sim::append_csv_line(out, row);
    }
  }
  return out;
}

std::string bands_csv(const AssumptionResults& r, const std::vector<std::string>& names) {
  std::string out;
  sim::append_csv_line(out, with({"policy", "week", "metric"}, with(quantile_columns, {"draws"})));
  for (std::size_t p = 0; p < names.size(); ++p)
    for (const auto& w : r.draws.spreads[p].weekly)
      sim::append_csv_line(out, with({names[p], std::to_string(w.week), r.draws.metrics[w.metric].name},
                                     with(quantile_fields(w.spread), {std::to_string(w.spread.values)})));
  return out;
}

std::string order_text(const ex::RankingAgreement& ranking, const std::vector<std::string>& names) {
  std::string text;
  for (const auto p : ranking.order) text += (text.empty() ? "" : " > ") + names[p];
  return text;
}

std::string ranking_csv(const AssumptionResults& r, const std::vector<std::string>& names) {
  std::string out;
  sim::append_csv_line(out, {"metric", "direction", "ranking", "p_ranking", "first", "p_first", "draws"});
  for (const auto& ranking : r.rankings) {
    const auto& metric = r.draws.metrics[ranking.metric];
    sim::append_csv_line(out, {metric.name, std::string(sim::to_string(metric.direction)), order_text(ranking, names),
                               format_number(ranking.probability), names[ranking.order.front()],
                               format_number(ranking.first_probability), std::to_string(ranking.draws)});
  }
  return out;
}

std::string drivers_csv(const AssumptionResults& r, const std::vector<std::string>& names) {
  std::string out;
  sim::append_csv_line(out, {"policy", "metric", "rank", "assumption", "mu_star", "mu", "sigma", "trajectories",
                             "replicates_per_point"});
  const auto& drivers = *r.drivers;
  for (std::size_t p = 0; p < names.size(); ++p)
    for (std::size_t m = 0; m < r.draws.metrics.size(); ++m) {
      const auto& indices = drivers.indices[p][m];
      const auto order = ex::drivers_by_importance(indices);
      for (std::size_t rank = 0; rank < order.size(); ++rank) {
        const auto& index = indices[order[rank]];
        sim::append_csv_line(out, {names[p], r.draws.metrics[m].name, std::to_string(rank + 1),
                                   r.setup.factors[order[rank]].key, format_number(index.mu_star),
                                   format_number(index.mu), format_number(index.sigma),
                                   std::to_string(r.driver_plan.trajectories),
                                   std::to_string(r.driver_plan.replicates_per_point)});
      }
    }
  return out;
}

std::string screening_csv(const AssumptionResults& r, const std::vector<std::string>& names) {
  std::string out;
  sim::append_csv_line(out, {"policy", "metric", "rank", "assumption", "spearman_rho", "noise_level", "draws"});
  const std::size_t ok = r.draws.draws.size() - r.draws.failed_draws();
  const std::string noise = format_number(ex::association_noise_level(ok));
  for (std::size_t p = 0; p < names.size(); ++p)
    for (std::size_t m = 0; m < r.draws.metrics.size(); ++m) {
      const auto associations = ex::associations_with_effect(r.draws, p, m);
      for (std::size_t rank = 0; rank < associations.size(); ++rank)
        sim::append_csv_line(out, {sim::csv_field(names[p]), sim::csv_field(r.draws.metrics[m].name),
                                   std::to_string(rank + 1), sim::csv_field(r.setup.factors[associations[rank].factor].key),
                                   format_number(associations[rank].rho), noise, std::to_string(ok)});
    }
  return out;
}

void spread_json(sim::JsonWriter& json, const ex::Spread& s) {
  json.key("median").value(s.median);
  json.key("q10").value(s.q10);
  json.key("q90").value(s.q90);
  json.key("q2.5").value(s.q2_5);
  json.key("q97.5").value(s.q97_5);
  json.key("draws").value(static_cast<std::int64_t>(s.values));
}

void factors_json(sim::JsonWriter& json, const AssumptionResults& r) {
  json.key("factors").begin_array();
  for (const auto& f : r.setup.factors) {
    json.begin_object();
    json.key("key").value(f.key);
    if (f.is_list()) {
      json.key("values").begin_array();
      for (const auto& v : f.values) json.value(value_text(v));
      json.end_array();
    } else {
      json.key("min").value(f.min);
      json.key("max").value(f.max);
      json.key("integer").value(f.integer);
      json.key("distribution").value(f.distribution == ex::Distribution::uniform      ? "uniform"
                                     : f.distribution == ex::Distribution::triangular ? "triangular"
                                                                                      : "normal");
    }
    json.end_object();
  }
  json.end_array();
}

void metrics_json(sim::JsonWriter& json, const AssumptionResults& r, std::size_t policy, const gov::Comparison& c) {
  json.key("metrics").begin_array();
  for (std::size_t m = 0; m < c.metrics.size(); ++m) {
    const auto& d = c.metrics[m].difference;
    const auto& e = r.draws.spreads[policy].metrics[m];
    json.begin_object();
    json.key("metric").value(c.metrics[m].metric.name);
    json.key("effect").value(d.mean);
    json.key("effect_low").value(d.mean - d.half_width);
    json.key("effect_high").value(d.mean + d.half_width);
    spread_json(json, e.spread);
    json.key("p_sign").value(e.share_with_sign_of(d.mean));
    json.end_object();
  }
  json.end_array();
}

void rankings_json(sim::JsonWriter& json, const AssumptionResults& r, const std::vector<std::string>& names) {
  json.key("ranking").begin_array();
  for (const auto& ranking : r.rankings) {
    json.begin_object();
    json.key("metric").value(r.draws.metrics[ranking.metric].name);
    json.key("order").begin_array();
    for (const auto p : ranking.order) json.value(names[p]);
    json.end_array();
    json.key("probability").value(ranking.probability);
    json.key("first_probability").value(ranking.first_probability);
    json.key("draws").value(static_cast<std::int64_t>(ranking.draws));
    json.end_object();
  }
  json.end_array();
}

void drivers_json(sim::JsonWriter& json, const AssumptionResults& r, std::size_t policy) {
  json.key("drivers").begin_object();
  json.key("method").value("Morris elementary effects of the paired effect (common random numbers across points)");
  json.key("trajectories").value(static_cast<std::int64_t>(r.driver_plan.trajectories));
  json.key("levels").value(r.driver_plan.levels);
  json.key("replicates_per_point").value(static_cast<std::int64_t>(r.driver_plan.replicates_per_point));
  if (!r.drivers->ok()) json.key("error").value(r.drivers->error);
  json.key("metrics").begin_array();
  for (std::size_t m = 0; r.drivers->ok() && m < r.draws.metrics.size(); ++m) {
    const auto& indices = r.drivers->indices[policy][m];
    json.begin_object();
    json.key("metric").value(r.draws.metrics[m].name);
    json.key("assumptions").begin_array();
    for (const auto f : ex::drivers_by_importance(indices)) {
      json.begin_object();
      json.key("key").value(r.setup.factors[f].key);
      json.key("mu_star").value(indices[f].mu_star);
      json.key("mu").value(indices[f].mu);
      json.key("sigma").value(indices[f].sigma);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

}  // namespace

std::vector<std::pair<std::string, std::string>> assumption_files(const AssumptionResults& r,
                                                                  const std::vector<gov::Comparison>& comparisons,
                                                                  const std::vector<std::string>& names) {
  std::vector<std::pair<std::string, std::string>> files{{"assumptions.csv", assumptions_csv(r, comparisons, names)},
                                                         {"assumption_draws.csv", draws_csv(r, names)},
                                                         {"assumption_bands.csv", bands_csv(r, names)}};
  if (!r.rankings.empty()) files.emplace_back("ranking.csv", ranking_csv(r, names));
  files.emplace_back("assumption_screening.csv", screening_csv(r, names));
  if (r.drivers && r.drivers->ok()) files.emplace_back("drivers.csv", drivers_csv(r, names));
  return files;
}

void assumptions_json(sim::JsonWriter& json, const AssumptionResults& r, std::size_t policy,
                      const gov::Comparison& comparison, const std::vector<std::string>& names) {
  json.key("assumptions").begin_object();
  json.key("source").value(r.setup.source);
  json.key("design").value("latin_hypercube");
  json.key("draws").value(static_cast<std::int64_t>(r.draws.draws.size()));
  json.key("failed_draws").value(static_cast<std::int64_t>(r.draws.failed_draws()));
  json.key("replicates_per_draw").value(static_cast<std::int64_t>(r.draws.replicates_per_draw));
  json.key("seeds").begin_array();
  for (const auto s : r.draws.seeds) json.value(std::to_string(s));
  json.end_array();
  json.key("assumption_district").value(district_name(r));
  json.key("assumption_district_description").value(district_text(r.setup.district));
  json.key("p_sign").value("share of draws whose effect has the sign of the effect at the scenarios' own values");
  json.key("wall_seconds").value(r.seconds);
  factors_json(json, r);
  metrics_json(json, r, policy, comparison);
  if (!r.rankings.empty()) rankings_json(json, r, names);
  if (r.drivers) drivers_json(json, r, policy);
  json.end_object();
}

}  // namespace shanzhi::cli
