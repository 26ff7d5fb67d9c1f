#pragma once
#include <string>

namespace shanzhi::gov {
/// docs/parameters.md: every scenario key grouped by table, with type, default, range, unit,
/// meaning, source and lever. `shanzhi params --markdown` prints it; a test checks the file in
/// docs/ is up to date.
std::string parameters_markdown();
}  // namespace shanzhi::gov
