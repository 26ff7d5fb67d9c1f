#include "sim/host_resources.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

namespace shanzhi::sim {
namespace {

namespace fs = std::filesystem;

/// The value in kB of "NAME: value kB" in a /proc file, in bytes; nullopt when absent.
std::optional<std::uint64_t> proc_kilobytes(const char* file, const std::string& name) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(name + ":", 0) != 0) continue;
    std::istringstream fields(line.substr(name.size() + 1));
    std::uint64_t kilobytes = 0;
    if (fields >> kilobytes) return kilobytes * 1024;
  }
  return std::nullopt;
}

/// A whole number in a one-line cgroup file; nullopt for "max", a missing file or other text.
std::optional<std::uint64_t> cgroup_number(const fs::path& file) {
  std::ifstream in(file);
  std::uint64_t value = 0;
  if (in >> value) return value;
  return std::nullopt;
}

/// This process's cgroup (v2) folder, from the "0::/path" line of /proc/self/cgroup.
std::optional<fs::path> cgroup_folder() {
  std::ifstream in("/proc/self/cgroup");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("0::", 0) == 0) return fs::path("/sys/fs/cgroup") / fs::path(line.substr(3)).relative_path();
  return std::nullopt;
}

void keep_smaller(std::optional<std::uint64_t>& smallest, std::uint64_t candidate) {
  smallest = smallest ? std::min(*smallest, candidate) : candidate;
}

std::uint64_t less(std::uint64_t limit, std::uint64_t used) { return limit > used ? limit - used : 0; }

}  // namespace

std::optional<std::uint64_t> available_memory_bytes() {
  std::optional<std::uint64_t> smallest = proc_kilobytes("/proc/meminfo", "MemAvailable");
  rlimit limit{};
  if (::getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    keep_smaller(smallest, less(limit.rlim_cur, proc_kilobytes("/proc/self/status", "VmSize").value_or(0)));
  if (const auto folder = cgroup_folder()) {
    if (const auto most = cgroup_number(*folder / "memory.max"))
      keep_smaller(smallest, less(*most, cgroup_number(*folder / "memory.current").value_or(0)));
  }
  return smallest;
}

std::optional<std::uint64_t> available_file_bytes(const fs::path& folder) {
  std::optional<std::uint64_t> smallest;
  std::error_code error;
  fs::path existing = folder.empty() ? fs::path(".") : folder;
  while (!fs::exists(existing, error) && existing.has_parent_path() && existing.parent_path() != existing)
    existing = existing.parent_path();
  if (const auto space = fs::space(existing, error); !error) smallest = space.available;
  rlimit limit{};
  if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) keep_smaller(smallest, limit.rlim_cur);
  return smallest;
}

std::string bytes_text(double bytes) {
  static constexpr const char* units[] = {"bytes", "kB", "MB", "GB", "TB"};
  std::size_t unit = 0;
  while (bytes >= 1000 && unit + 1 < std::size(units)) bytes /= 1000, ++unit;
  std::ostringstream out;
  out.precision(bytes < 10 && unit > 0 ? 2 : 3);
  out << (unit == 0 ? std::round(bytes) : bytes) << " " << units[unit];
  return out.str();
}

}  // namespace shanzhi::sim
