#include "core/effect_uncertainty.hpp"

#include "sim/experiments/reported_precision.hpp"
#include "sim/output/csv.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace shanzhi::viz {
namespace fs = std::filesystem;
namespace {

/// A CSV file read as named columns; throws std::runtime_error "FILE:LINE: reason".
class CsvRows {
 public:
  CsvRows(const fs::path& file, const std::vector<std::string>& required) : file_(file.string()) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file_ + ": cannot be read");
    std::string line;
    while (std::getline(in, line)) lines_.push_back(line);
    if (lines_.empty()) throw std::runtime_error(file_ + ": is empty");
    const auto header = sim::split_csv_line(lines_.front());
    for (std::size_t c = 0; c < header.size(); ++c) columns_[header[c].text] = c;
    for (const auto& name : required)
      if (!columns_.count(name)) throw std::runtime_error(file_ + ":1: no column '" + name + "'");
  }

  std::size_t rows() const { return lines_.size() - 1; }

  /// Row `r` (0 = the first after the header), checked for its field count.
  std::vector<sim::CsvCell> row(std::size_t r) const {
    auto cells = sim::split_csv_line(lines_[r + 1]);
    if (cells.size() != columns_.size())
      throw std::runtime_error(where(r) + ": " + std::to_string(cells.size()) + " fields, the header has " +
                               std::to_string(columns_.size()));
    return cells;
  }
  const std::string& text(const std::vector<sim::CsvCell>& cells, const std::string& column) const {
    return cells[columns_.at(column)].text;
  }
  /// A number; an empty cell (a failed quantity) is NaN; anything else not a number is an error.
  double number(const std::vector<sim::CsvCell>& cells, const std::string& column, std::size_t r) const {
    const auto& t = text(cells, column);
    if (t.empty()) return std::nan("");
    std::size_t used = 0;
    double value = 0;
    try {
      value = std::stod(t, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != t.size()) throw std::runtime_error(where(r) + ": column " + column + ": '" + t + "' is not a number");
    return value;
  }

 private:
  std::string where(std::size_t r) const { return file_ + ":" + std::to_string(r + 2); }
  std::string file_;
  std::vector<std::string> lines_;
  std::map<std::string, std::size_t> columns_;
};

const std::vector<std::string> summary_columns{"policy", "metric", "unit", "effect", "effect_low", "effect_high",
                                               "median", "q10", "q90", "q2.5", "q97.5", "p_sign", "draws"};

EffectUncertainty read_summary(const fs::path& folder) {
  EffectUncertainty out;
  out.folder = folder.string();
  const CsvRows csv(folder / "assumptions.csv", summary_columns);
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    const auto cells = csv.row(r);
    EffectWithBands e;
    e.policy = csv.text(cells, "policy");
    e.metric = csv.text(cells, "metric");
    e.unit = csv.text(cells, "unit");
    e.effect = csv.number(cells, "effect", r);
    e.seed_low = csv.number(cells, "effect_low", r);
    e.seed_high = csv.number(cells, "effect_high", r);
    e.median = csv.number(cells, "median", r);
    e.q10 = csv.number(cells, "q10", r);
    e.q90 = csv.number(cells, "q90", r);
    e.q2_5 = csv.number(cells, "q2.5", r);
    e.q97_5 = csv.number(cells, "q97.5", r);
    e.p_sign = csv.number(cells, "p_sign", r);
    e.draws = static_cast<int>(csv.number(cells, "draws", r));
    if (std::find(out.policies.begin(), out.policies.end(), e.policy) == out.policies.end())
      out.policies.push_back(e.policy);
    out.effects.push_back(std::move(e));
  }
  if (out.effects.empty()) throw std::runtime_error((folder / "assumptions.csv").string() + ": has no rows");
  return out;
}

}  // namespace

double EffectWithBands::shown_half_width() const {
  const double seed = (seed_high - seed_low) / 2;
  const double band = (q90 - q10) / 2;
  if (std::isnan(band)) return seed;
  return std::max(seed, band);
}

const EffectWithBands* EffectUncertainty::find(const std::string& policy, const std::string& metric) const {
  for (const auto& e : effects)
    if (e.policy == policy && e.metric == metric) return &e;
  return nullptr;
}

EffectOverTime EffectUncertainty::over_time(const std::string& policy, const std::string& metric) const {
  EffectOverTime out;
  const fs::path folder(this->folder);
  // With one policy compare writes its seed bands beside assumptions.csv, with several in OUT/NAME/.
  fs::path seed_file = folder / policy / "timeseries_bands.csv";
  if (!fs::exists(seed_file)) seed_file = folder / "timeseries_bands.csv";
  try {
    const CsvRows seed(seed_file, {"week", "metric", "arm", "mean", "lo", "hi"});
    std::map<double, std::size_t> row_of_week;
    for (std::size_t r = 0; r < seed.rows(); ++r) {
      const auto cells = seed.row(r);
      if (seed.text(cells, "metric") != metric || seed.text(cells, "arm") != "difference") continue;
      row_of_week[seed.number(cells, "week", r)] = out.week.size();
      out.week.push_back(seed.number(cells, "week", r));
      out.seed_mean.push_back(seed.number(cells, "mean", r));
      out.seed_low.push_back(seed.number(cells, "lo", r));
      out.seed_high.push_back(seed.number(cells, "hi", r));
    }
    const std::size_t n = out.week.size();
    for (auto* column : {&out.median, &out.q10, &out.q90, &out.q2_5, &out.q97_5}) column->assign(n, std::nan(""));
    const CsvRows bands(folder / "assumption_bands.csv", {"policy", "week", "metric", "median", "q10", "q90", "q2.5", "q97.5"});
    std::size_t matched = 0;
    for (std::size_t r = 0; r < bands.rows(); ++r) {
      const auto cells = bands.row(r);
      if (bands.text(cells, "policy") != policy || bands.text(cells, "metric") != metric) continue;
      const auto at = row_of_week.find(bands.number(cells, "week", r));
      if (at == row_of_week.end()) continue;
      const std::size_t i = at->second;
      out.median[i] = bands.number(cells, "median", r);
      out.q10[i] = bands.number(cells, "q10", r);
      out.q90[i] = bands.number(cells, "q90", r);
      out.q2_5[i] = bands.number(cells, "q2.5", r);
      out.q97_5[i] = bands.number(cells, "q97.5", r);
      ++matched;
    }
    if (matched == 0) return {};
  } catch (const std::exception&) {
    return {};  // the over-time view is optional; the summary already opened
  }
  return out;
}

EffectUncertaintyOpen open_effect_uncertainty(const fs::path& folder_or_file) {
  EffectUncertaintyOpen out;
  std::error_code ec;
  const fs::path folder =
      fs::is_regular_file(folder_or_file, ec) ? folder_or_file.parent_path() : folder_or_file;
  if (!fs::is_directory(folder.empty() ? fs::path(".") : folder, ec)) {
    out.error = folder_or_file.string() + ": no such folder";
    return out;
  }
  if (!fs::exists(folder / "assumptions.csv", ec)) {
    out.error = folder.string() + ": no assumptions.csv here; run `shanzhi compare BASE POLICY --assumptions default --out " +
                folder.string() + "` first";
    return out;
  }
  try {
    out.results = read_summary(folder);
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  return out;
}

std::string format_effect(double value, double half_width, const std::string& unit) {
  return sim::experiments::shown_value(value, unit, half_width, true);
}

}  // namespace shanzhi::viz
