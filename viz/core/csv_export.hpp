#pragma once
// Export of the plotted data: one row per recorded week, one column per metric (and, in compare
// mode, the baseline twin's value and the difference), written atomically.

#include "core/snapshot.hpp"

#include <filesystem>
#include <string>

namespace shanzhi::viz {

std::string plotted_data_csv(const Snapshot& snapshot);
void export_plotted_data(const std::filesystem::path& file, const Snapshot& snapshot);

}  // namespace shanzhi::viz
