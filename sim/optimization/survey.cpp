#include "sim/optimization/survey.hpp"

#include "sim/output/csv.hpp"
#include "sim/output/run_outputs.hpp"
#include "sim/scenario/file_text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace shanzhi::sim::optimization {
namespace {

const std::vector<std::string> known_columns{"metric", "breakdown", "key", "value", "se"};

using Cell = CsvCell;

std::optional<double> parse_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::size_t used = 0;
  try {
    const double value = std::stod(text, &used);
    if (used != text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::vector<SurveyRow> read_survey(const std::filesystem::path& file, const std::vector<std::string>& metrics,
                                   experiments::Statistic statistic) {
  const std::string path = file.string();
  std::vector<Diagnostic> problems;
  const auto error = [&](int line, int column, const std::string& key, const std::string& message) {
    problems.push_back({Diagnostic::Severity::error, {path, line, column}, key, message});
  };
  const auto text = detail::read_text_file(file, detail::csv_text);
  if (text.problem) {
    error(text.problem->line, text.problem->column, "",
          text.problem->cannot_open ? "cannot read survey file: " + text.problem->message
          : text.problem->line == 0 ? "survey file is empty: expected a header metric,breakdown,key,value,se"
                                    : text.problem->message);
    throw ScenarioError(problems);
  }
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.text.size()) {
    const auto end = std::min(text.text.find('\n', start), text.text.size());
    lines.push_back(text.text.substr(start, end - start));
    start = end + 1;
  }
  std::map<std::string, std::size_t> column_of;
  const auto header = split_csv_line(lines.front());
  for (std::size_t c = 0; c < header.size(); ++c) {
    const auto& name = header[c].text;
    if (std::find(known_columns.begin(), known_columns.end(), name) == known_columns.end()) {
      const auto near = nearest_key(name, known_columns);
      error(1, header[c].column, name, "unknown column '" + name + "'" + (near.empty() ? "; expected metric, breakdown, key, value, se" : "; did you mean '" + near + "'?"));
    } else if (!column_of.emplace(name, c).second) {
      error(1, header[c].column, name, "column '" + name + "' appears twice");
    }
  }
  for (const char* needed : {"metric", "value", "se"})
    if (!column_of.count(needed)) error(1, 1, needed, std::string("missing column '") + needed + "'");
  if (!problems.empty()) throw ScenarioError(problems);

  std::vector<SurveyRow> rows;
  std::set<std::string> seen;
  for (std::size_t l = 1; l < lines.size(); ++l) {
    const int line = static_cast<int>(l) + 1;
    if (lines[l].find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto cells = split_csv_line(lines[l]);
    if (cells.size() != header.size()) {
      error(line, 1, "", "expected " + std::to_string(header.size()) + " fields like the header, got " + std::to_string(cells.size()));
      continue;
    }
    const auto cell = [&](const char* name) -> const Cell* {
      const auto found = column_of.find(name);
      return found == column_of.end() ? nullptr : &cells[found->second];
    };
    SurveyRow row;
    row.target.metric = cell("metric")->text;
    row.target.statistic = statistic;
    row.target.where = {path, line, 1};
    if (const auto* b = cell("breakdown")) row.target.breakdown = b->text;
    if (const auto* k = cell("key")) row.target.key = k->text;
    bool ok = true;
    if (std::find(metrics.begin(), metrics.end(), row.target.metric) == metrics.end()) {
      const auto near = nearest_key(row.target.metric, metrics);
      error(line, cell("metric")->column, "metric",
            "unknown metric '" + row.target.metric + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?"));
      ok = false;
    }
    if (row.target.breakdown.empty() != row.target.key.empty()) {
      error(line, 1, "breakdown", "breakdown and key go together (both empty for a district-wide number)");
      ok = false;
    }
    const auto value = parse_number(cell("value")->text);
    const auto se = parse_number(cell("se")->text);
    // Bounds that keep every squared residual finite: no metric of the model comes near 1e12 (yuan
    // a year of a whole district are about 1e9), and a standard error below 1e-9 says the survey
    // knows a number better than a double stores it.
    constexpr double largest_value = 1e12, smallest_se = 1e-9;
    if (!value) error(line, cell("value")->column, "value", "expected a number, got '" + cell("value")->text + "'");
    else if (std::fabs(*value) > largest_value)
      error(line, cell("value")->column, "value",
            "expected a value of at most 1e12 in size (the model's metrics are shares, points, hours and yuan), got '" +
                cell("value")->text + "'");
    if (!se || *se <= 0)
      error(line, cell("se")->column, "se", "expected a standard error above 0, got '" + cell("se")->text + "'");
    else if (*se < smallest_se || *se > largest_value)
      error(line, cell("se")->column, "se",
            "expected a standard error between 1e-9 and 1e12, got '" + cell("se")->text + "'");
    const bool usable_value = value && std::fabs(*value) <= largest_value;
    const bool usable_se = se && *se >= smallest_se && *se <= largest_value;
    if (!ok || !usable_value || !usable_se) continue;
    row.value = *value;
    row.se = *se;
    if (!seen.insert(row.target.label()).second) {
      error(line, 1, "", "'" + row.target.label() + "' is observed twice");
      continue;
    }
    rows.push_back(std::move(row));
  }
  if (rows.empty() && problems.empty()) error(1, 1, "", "no data rows after the header");
  if (!problems.empty()) throw ScenarioError(problems);
  return rows;
}

std::string survey_csv(const std::vector<SurveyRow>& rows) {
  std::string out = "metric,breakdown,key,value,se\n";
  for (const auto& row : rows)
    append_csv_line(out, {csv_field(row.target.metric), csv_field(row.target.breakdown), csv_field(row.target.key),
                          format_number(row.value), format_number(row.se)});
  return out;
}

}  // namespace shanzhi::sim::optimization
