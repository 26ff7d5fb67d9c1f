#pragma once
// Survey data for calibration: one observed number per row, with its standard error.
//
//   metric,breakdown,key,value,se
//   satisfaction_mean,,,71.2,0.6                   district-wide: the calibration's statistic
//   satisfaction_mean,community,东关 Dongguan 1,68.4,1.9   one cell of a model breakdown
//   worker_turnover_annual,,,0.12,0.02
//
// `breakdown` and `key` may be left out as columns. Every problem is reported with
// file:line:column (unknown columns and metrics with the nearest valid name).

#include "sim/optimization/planning_file.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace shanzhi::sim::optimization {

struct SurveyRow {
  Target target;
  double value = 0;
  double se = 0;
};

/// Reads a survey file; district-wide rows get `statistic`. Throws ScenarioError.
std::vector<SurveyRow> read_survey(const std::filesystem::path& file, const std::vector<std::string>& metrics,
                                   experiments::Statistic statistic);

/// The survey as CSV text (the format above), e.g. for generated test data.
std::string survey_csv(const std::vector<SurveyRow>& rows);

}  // namespace shanzhi::sim::optimization
