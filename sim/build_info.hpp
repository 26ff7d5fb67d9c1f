#pragma once
#include <string_view>

namespace shanzhi::sim {
/// Project version, e.g. "0.1.0".
std::string_view shanzhi_version();
/// Short git commit of the build, with "-dirty" when tracked files had changes; "unknown"
/// outside a git checkout.
std::string_view shanzhi_git_commit();
}  // namespace shanzhi::sim
