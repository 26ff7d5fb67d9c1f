#pragma once
// Opening and saving runs as scenario files. A saved file is an ordinary scenario (every key at
// the run's scenario value, the run's seed), so `shanzhi run` accepts it; lever changes made
// during the run follow as comment lines the CLI ignores and shanzhi-viz replays:
//   #@viz-change week=70 | admin.task_cut_share=0.5 purchase.mode=tendered | label text
// so reopening the file in shanzhi-viz gives the same run, week for week.

#include "core/run_setup.hpp"

#include <filesystem>
#include <string>

namespace shanzhi::viz {

/// Loads and validates a scenario (and any saved changes). Throws sim::ScenarioError with every
/// problem (file:line:column), like the CLI.
RunSetup open_run_file(const std::filesystem::path& file);

/// The text of a saved run.
std::string run_file_text(const RunSetup& setup);

/// Writes `run_file_text(setup)` atomically.
void save_run_file(const std::filesystem::path& file, const RunSetup& setup);

}  // namespace shanzhi::viz
